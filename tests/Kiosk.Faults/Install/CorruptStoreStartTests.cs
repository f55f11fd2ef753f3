using System.Diagnostics;
using Kiosk.Faults.Support;
using Kiosk.Host.Packs;
using Xunit.Abstractions;

namespace Kiosk.Faults.Install;

/// <summary>
/// `kiosk run` started on a damaged store, as after a power cut on an SD card: the real kiosk (the build beside
/// builtin.kpack) as a child process with a PNG display. Each start must put a frame on the display and keep
/// running, never crash-loop; the store must end on a pack that loads, with the damaged one marked bad.
/// </summary>
public sealed class CorruptStoreStartTests(ITestOutputHelper output)
{
    private const string Area = "8 corrupt store at start";

    private static string BuiltKiosk => Path.Combine(RepoPaths.Root, "firmware-host", "Kiosk.Host", "bin", "Release", "net10.0", "kiosk.dll");

    [Theory]
    [InlineData("current pack truncated, a committed pack before it", "committed")]
    [InlineData("the only pack truncated", "builtin")]
    [InlineData("current links to a missing folder", "builtin")]
    [InlineData("a trial cut short by a power cut", "committed")]
    public void The_kiosk_starts_and_shows_a_frame(string damage, string expected)
    {
        Assert.True(File.Exists(BuiltKiosk), $"{BuiltKiosk}: build firmware-host/Kiosk.Host in Release first");
        using var dir = new TempDir();
        string root = dir.Combine("store");
        var store = new PackStore(new PackStoreOptions { Root = root, TrustedKeysDir = dir.Combine("no-keys"), AllowUnsigned = true }, TimeProvider.System);
        string good = store.Install(SeedPack.Path).Pack!.Sha256;
        string? committed = null;
        switch (damage)
        {
            case "current pack truncated, a committed pack before it":
                Assert.True(store.Commit(good));
                committed = good;
                Truncate(store.PackFile(store.Install(SeedPack.OtherVersion).Pack!.Sha256));
                break;
            case "the only pack truncated":
                Truncate(store.PackFile(good));
                break;
            case "current links to a missing folder":
                File.Delete(Path.Combine(root, "current"));
                File.CreateSymbolicLink(Path.Combine(root, "current"), new string('e', 64));
                break;
            default:
                Assert.True(store.Commit(good));
                committed = good;
                store.BeginTrial(store.Install(SeedPack.OtherVersion).Pack!.Sha256);
                break;
        }

        string frames = dir.Combine("frames");
        string config = dir.Combine("kiosk.json");
        File.WriteAllText(config, $$"""{ "Kiosk": { "Store": "{{root}}", "Display": "png:{{frames}}", "Profile": "320x240" } }""");
        var (frame, exited, log) = RunUntilFirstFrame(config, frames);

        Results.Record(output, Area, $"{damage}: first frame / still running / showing", $"{(frame is null ? "none" : $"{frame.Value.TotalSeconds:F1} s")} / {!exited} / {(store.CurrentSha == committed && committed is not null ? "committed pack" : store.CurrentSha is null ? "built-in pack" : "other")}", $"a frame / True / {expected}");
        Assert.True(frame is not null, $"no frame: {log}");
        Assert.False(exited, $"the kiosk exited: {log}");
        Assert.Equal(expected == "committed" ? committed : null, store.CurrentSha);
    }

    private static (TimeSpan? Frame, bool Exited, string Log) RunUntilFirstFrame(string config, string frames)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { BuiltKiosk, "run", "--config", config })
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        TimeSpan? frame = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited && frame is null)
        {
            if (Directory.Exists(frames) && Directory.EnumerateFiles(frames, "*.png").Any())
            {
                frame = clock.Elapsed;
            }

            Thread.Sleep(50);
        }

        // A moment more: a kiosk that crashes right after its first frame must show it here.
        Thread.Sleep(500);
        bool exited = process.HasExited;
        if (!exited)
        {
            process.Kill();
        }

        process.WaitForExit();
        return (frame, exited, stdout.Result + stderr.Result);
    }

    private static void Truncate(string file)
    {
        using var stream = new FileStream(file, FileMode.Open);
        stream.SetLength(1000);
    }
}
