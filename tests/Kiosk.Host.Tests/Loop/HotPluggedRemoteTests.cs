using Kiosk.Host.Input;
using Kiosk.Host.Loop;
using Kiosk.Host.Tests.Fakes;
using Kiosk.Host.Tests.Input;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;

namespace Kiosk.Host.Tests.Loop;

/// <summary>
/// `kiosk run` with no input settings at all, a remote plugged in after start: Page Down moves the exhibit and B
/// blanks it. The device is a named pipe in a folder standing in for /dev/input (real inotify, real reads); only
/// the capability ioctl is replaced, since a pipe has no key bitmap.
/// </summary>
public sealed class HotPluggedRemoteTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string? _remote;

    [Fact]
    public async Task A_remote_plugged_in_after_start_moves_the_exhibit_and_blanks_it()
    {
        string frames = _dir.Combine("frames");
        string input = _dir.Combine("input");
        Directory.CreateDirectory(input);
        using var host = KioskHost.Build(null, new Dictionary<string, string?>
        {
            ["Kiosk:Pack"] = SeedPack.Path,
            ["Kiosk:Store"] = _dir.Combine("store"),
            ["Kiosk:Display"] = "png:" + frames,
            ["Kiosk:Profile"] = "320x240",
            ["Evdev:DeviceDirectory"] = input,
        }, configure: s => s.AddSingleton(sp => new KeyboardsSource(
            sp.GetRequiredService<Kiosk.Host.Settings.KioskSettings>().Evdev,
            sp.GetRequiredService<ICommandSink>(),
            TimeProvider.System,
            EvdevKeySource.OpenDevice,
            path => "pipe " + Path.GetFileName(path),
            NullLogger.Instance)));
        await host.StartAsync();
        try
        {
            var loop = host.Services.GetRequiredService<FrameLoop>();
            var keyboards = host.Services.GetRequiredService<KeyboardsSource>();
            Assert.Contains(host.Services.GetServices<IInputSource>(), s => ReferenceEquals(s, keyboards));
            await loop.FirstFrame.WaitAsync(TimeSpan.FromSeconds(30));
            await WaitUntil(() => keyboards.Watching);
            string home = Newest(frames);

            _remote = Path.Combine(input, "event0");
            Fifo.Create(_remote);
            await using var remote = await Fifo.OpenWriter(_remote).WaitAsync(TimeSpan.FromSeconds(30));
            remote.Write(Tap(LinuxInput.KeyPageDown, second: 0));

            // Home's highlight moves to the second case: a new picture, not black.
            await WaitUntil(() => Newest(frames) != home && !IsBlack(Newest(frames)));
            await WaitForRest(loop);
            string moved = Newest(frames);
            Assert.False(IsBlack(moved));

            remote.Write(Tap(LinuxInput.KeyB, second: 1));
            await WaitUntil(() => IsBlack(Newest(frames)));
            await WaitForRest(loop);
            Assert.True(IsBlack(Newest(frames)));

            remote.Write(Tap(LinuxInput.KeyB, second: 2));
            await WaitUntil(() => !IsBlack(Newest(frames)));
            await WaitForRest(loop);
            Assert.Equal(File.ReadAllBytes(moved), File.ReadAllBytes(Newest(frames)));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static byte[] Tap(ushort key, int second) =>
        InputEventEncoder.Encode(new KeyboardScript(TimeSpan.FromSeconds(1_750_000_000 + second)).Tap(key).Events);

    private static string Newest(string folder) => Directory.GetFiles(folder, "*.png").Max(StringComparer.Ordinal)!;

    private static bool IsBlack(string png)
    {
        using var bitmap = SKBitmap.Decode(png);
        return bitmap is not null && bitmap.Pixels.All(p => p.Red == 0 && p.Green == 0 && p.Blue == 0);
    }

    /// <summary>Waits until no frame has come for a second: the transition in play (if any) has ended.</summary>
    private static async Task WaitForRest(FrameLoop loop)
    {
        long settled = loop.Frames;
        int quiet = 0;
        for (int i = 0; i < 120 && quiet < 4; i++)
        {
            await Task.Delay(250);
            quiet = loop.Frames == settled ? quiet + 1 : 0;
            settled = loop.Frames;
        }

        Assert.Equal(4, quiet);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 600 && !Try(condition); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(Try(condition), "condition not reached within 30 s");
    }

    // A PNG being written may be read half-done; that counts as not yet.
    private static bool Try(Func<bool> condition)
    {
        try
        {
            return condition();
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_remote is not null && File.Exists(_remote))
        {
            Fifo.ReleaseWaitingReader(_remote);
        }

        _dir.Dispose();
    }
}
