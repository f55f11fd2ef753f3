using Kiosk.Content.Packing;
using Kiosk.Faults.Support;
using Kiosk.Host.Packs;
using Kiosk.Host.Tests.Packs;
using Xunit.Abstractions;

namespace Kiosk.Faults.Install;

/// <summary>
/// <c>kiosk pack install</c> in a child process, stopped dead at 100+ points of its run: at every named step via
/// <c>KIOSK_INSTALL_CRASH_AT</c> (FailFast), and by SIGKILL after random delays up to the measured install time.
/// After each, the store must have a current pack that verifies and a fresh install must succeed.
/// </summary>
public sealed class InstallKillTests(ITestOutputHelper output)
{
    private const string Area = "2 kill during install";

    [Fact]
    public void A_kill_at_any_point_of_an_install_leaves_a_valid_current_and_a_working_store()
    {
        Assert.True(File.Exists(RepoPaths.KioskDll), $"{RepoPaths.KioskDll} not built beside the tests");
        int crashRounds = FaultSettings.Pick(3, 10);
        int timedKills = FaultSettings.Pick(82, 300);
        using var dir = new TempDir();
        var options = new PackStoreOptions { Root = dir.Combine("store"), TrustedKeysDir = dir.Combine("no-keys"), AllowUnsigned = true, AllowDowngrade = true };
        var store = new PackStore(options, TimeProvider.System);
        Assert.True(store.Install(SeedPack.Path).Ok);

        // How long a whole install takes, child start-up included: the range the timed kills spread over.
        var full = Enumerable.Range(0, 3).Select(_ => Child(options, OtherThanCurrent(store))).ToList();
        Assert.All(full, o => Assert.Equal(0, o.ExitCode));
        TimeSpan installTime = full.Max(o => o.Elapsed);

        var random = new Random(FaultSettings.Seed);
        var plan = Enumerable.Range(0, crashRounds).SelectMany(_ => InstallSteps.All.Select(s => (Step: (string?)s, Delay: (TimeSpan?)null)))
            .Concat(Enumerable.Range(0, timedKills).Select(_ => (Step: (string?)null, Delay: (TimeSpan?)(installTime * random.NextDouble()))))
            .ToList();

        var failures = new List<string>();
        int killed = 0, finished = 0, switched = 0;
        foreach (var (step, delay) in plan)
        {
            string? before = PackReader.Read(store.Current!).Manifest.Version;
            string pack = OtherThanCurrent(store);
            var outcome = Child(options, pack, step, delay);
            killed += outcome.Killed || step is not null ? 1 : 0;
            finished += !outcome.Killed && step is null ? 1 : 0;
            string point = step is not null ? $"crash at {step}" : $"kill after {delay!.Value.TotalMilliseconds:F0} ms";

            var reopened = new PackStore(options, TimeProvider.System);
            if (reopened.Current is not { } current)
            {
                failures.Add($"{point}: no current pack");
                continue;
            }

            var check = PackVerifier.Verify(current);
            if (!check.Ok)
            {
                failures.Add($"{point}: current does not verify: {string.Join(" | ", check.Diagnostics)}");
                continue;
            }

            switched += check.Pack!.Manifest.Version != before ? 1 : 0;
            var fresh = reopened.Install(OtherThanCurrent(reopened));
            if (!fresh.Ok)
            {
                failures.Add($"{point}: fresh install refused: {string.Join(" | ", fresh.Problems)}");
            }
        }

        Results.Record(output, Area, $"kill points ({Results.Mode} run)", $"{plan.Count}: {crashRounds} × {InstallSteps.All.Count} named steps (FailFast) + {timedKills} SIGKILLs at 0–{installTime.TotalMilliseconds:F0} ms");
        Results.Record(output, Area, "measured install time (child start-up included)", $"{installTime.TotalMilliseconds:F0} ms");
        Results.Record(output, Area, "children killed / finished before the kill", $"{killed} / {finished}");
        Results.Record(output, Area, "kills after which the new pack was already current", Results.Number(switched));
        Results.Record(output, Area, "stores left without a valid current, or refusing a fresh install", Results.Number(failures.Count), "0");
        foreach (string f in failures)
        {
            output.WriteLine(f);
        }

        Assert.Empty(failures);
    }

    private static KioskChild.Outcome Child(PackStoreOptions options, string pack, string? crashAt = null, TimeSpan? killAfter = null) =>
        KioskChild.Run(["pack", "install", pack, "--store", options.Root, "--trusted-keys", options.TrustedKeysDir, "--allow-unsigned", "--allow-downgrade"], crashAt, killAfter);

    private static string OtherThanCurrent(PackStore store) =>
        store.Current is { } current && PackReader.Read(current).Manifest.Version == PackReader.Read(SeedPack.Path).Manifest.Version ? SeedPack.OtherVersion : SeedPack.Path;
}
