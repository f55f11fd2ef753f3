using Kiosk.Content.Packing;
using Kiosk.Host.Cli;
using Kiosk.Host.Packs;

namespace Kiosk.Host.Tests.Packs;

/// <summary>
/// The real thing: <c>kiosk pack install</c> in a child process, killed (<see cref="Environment.FailFast(string)"/>)
/// at each step via <c>KIOSK_INSTALL_CRASH_AT</c>. No cleanup code runs, as after a power cut; the store must
/// still have a valid current pack, and the next install must clean up and succeed.
/// </summary>
public sealed class InstallCrashTests(TestPacks packs) : IClassFixture<TestPacks>, IDisposable
{

    private readonly TempDir _dir = new();

    public static TheoryData<string> Steps => [.. InstallSteps.All];

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_kiosk_killed_at_any_install_step_leaves_a_valid_current_pack(string step)
    {
        string root = _dir.Combine("store");
        var options = new PackStoreOptions { Root = root, TrustedKeysDir = _dir.Combine("no-keys"), AllowUnsigned = true };
        Assert.True(new PackStore(options, TimeProvider.System).Install(packs.Pack("1.0.0")).Ok);

        var (exitCode, stderr) = RunKiosk(step, "pack", "install", packs.Pack("1.1.0"), "--store", root, "--trusted-keys", options.TrustedKeysDir, "--allow-unsigned");

        Assert.NotEqual(ExitCodes.Ok, exitCode);
        Assert.Contains($"{StoreCommands.CrashVariable}={step}", stderr);
        int index = InstallSteps.All.ToList().IndexOf(step);
        bool staged = index < InstallSteps.All.ToList().IndexOf(InstallSteps.Moved);
        // The kill really skipped cleanup: a staging folder is left exactly when the crash came before the move.
        Assert.Equal(staged, Directory.EnumerateDirectories(Path.Combine(root, ".staging")).Any());
        var store = new PackStore(options, TimeProvider.System);
        var verified = PackVerifier.Verify(store.Current!);
        Assert.True(verified.Ok, string.Join("; ", verified.Diagnostics));
        bool switched = index >= InstallSteps.All.ToList().IndexOf(InstallSteps.Linked);
        Assert.Equal(switched ? "1.1.0" : "1.0.0", verified.Pack!.Manifest.Version);

        var fresh = store.Install(packs.Pack("1.2.0"));

        Assert.True(fresh.Ok, string.Join("; ", fresh.Problems));
        Assert.Equal("1.2.0", PackReader.Read(store.Current!).Manifest.Version);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(root, ".staging")));
    }

    [Fact]
    public void Without_the_crash_variable_the_child_kiosk_installs_normally()
    {
        string root = _dir.Combine("store");

        var (exitCode, stderr) = RunKiosk(crashAt: null, "pack", "install", packs.Pack("1.0.0"), "--store", root, "--trusted-keys", _dir.Combine("no-keys"), "--allow-unsigned");

        Assert.True(exitCode == ExitCodes.Ok, stderr);
        Assert.Equal(PackStoreTests.Sha256Of(packs.Pack("1.0.0")), new FileInfo(Path.Combine(root, "current")).LinkTarget);
    }

    private static (int ExitCode, string Stderr) RunKiosk(string? crashAt, params string[] args)
    {
        var outcome = KioskChild.Run(args, crashAt);
        return (outcome.ExitCode, outcome.Stderr);
    }
}
