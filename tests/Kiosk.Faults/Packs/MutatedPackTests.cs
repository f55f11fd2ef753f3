using System.Diagnostics;
using System.Security.Cryptography;
using Kiosk.Content.Packing;
using Kiosk.Faults.Support;
using Kiosk.Host.Packs;
using Xunit.Abstractions;

namespace Kiosk.Faults.Packs;

/// <summary>
/// Thousands of FsCheck-chosen mutants of the built-in pack through <see cref="PackVerifier.Verify"/> and
/// <see cref="PackStore.Install(string)"/> on a store with a good current pack: nothing may throw, every
/// refusal must say what is wrong, and <c>current</c> may only ever move to a pack that verifies.
/// </summary>
public sealed class MutatedPackTests(ITestOutputHelper output)
{
    private const string Area = "1 mutated packs";

    [Fact]
    public void Mutants_are_refused_with_a_reason_or_harmless_and_never_crash_or_replace_a_good_current()
    {
        int count = FaultSettings.Pick(2_000, 10_000);
        var mutations = MutationGen.Sample(FaultSettings.Seed, count);
        Assert.Equal(count, mutations.Length);
        var mutator = new Mutator(File.ReadAllBytes(SeedPacks.A));
        using var dir = new TempDir();
        var options = new PackStoreOptions { Root = dir.Combine("store"), TrustedKeysDir = dir.Combine("no-keys"), AllowUnsigned = true, Keep = 2 };
        var store = new PackStore(options, TimeProvider.System);
        Assert.True(store.Install(SeedPacks.A).Ok);

        var crashes = new List<string>();
        var unnamed = new List<string>();
        var badCurrent = new List<string>();
        var disagreements = new List<string>();
        var perKind = Enum.GetValues<MutationKind>().ToDictionary(k => k, _ => (Accepted: 0, Refused: 0));
        var times = new List<double>(count);
        var acceptedList = new List<string>();
        string path = dir.Combine("mutant.kpack");
        var total = Stopwatch.StartNew();

        foreach (var m in mutations)
        {
            File.WriteAllBytes(path, mutator.Apply(m));
            string? before = CurrentSha(options.Root);
            var clock = Stopwatch.StartNew();

            bool? verified = null;
            try
            {
                var result = PackVerifier.Verify(path);
                verified = result.Ok;
                if (!result.Ok && (result.Diagnostics.Count == 0 || result.Diagnostics.Any(d => !RefusalText.NamesTheCulprit(d.ToString(), path))))
                {
                    unnamed.Add($"{m}: verify: [{string.Join(" | ", result.Diagnostics)}]");
                }
            }
            catch (Exception ex)
            {
                crashes.Add($"{m} {mutator.LastDetail}: PackVerifier.Verify threw {ex.GetType().Name}: {ex.Message}{Environment.NewLine}{ex.StackTrace}");
            }

            bool? installed = null;
            try
            {
                var result = store.Install(path);
                installed = result.Ok;
                if (!result.Ok && (result.Problems.Count == 0 || result.Problems.Any(p => !RefusalText.NamesTheCulprit(p, path))))
                {
                    unnamed.Add($"{m}: install: [{string.Join(" | ", result.Problems)}]");
                }
            }
            catch (Exception ex)
            {
                crashes.Add($"{m} {mutator.LastDetail}: PackStore.Install threw {ex.GetType().Name}: {ex.Message}");
            }

            clock.Stop();
            times.Add(clock.Elapsed.TotalMilliseconds);

            string? after = CurrentSha(options.Root);
            if (installed == true)
            {
                string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
                var check = PackVerifier.Verify(store.Current!);
                if (after != sha || !check.Ok)
                {
                    badCurrent.Add($"{m}: accepted, current {after} (mutant {sha}) verifies: {check.Ok} {string.Join(" | ", check.Diagnostics)}");
                }
            }
            else if (after != before)
            {
                badCurrent.Add($"{m}: refused or crashed, yet current moved from {before} to {after}");
            }

            if (verified is { } v && installed is { } i && v != i)
            {
                disagreements.Add($"{m}: verify says {v}, install says {i}");
            }

            if (installed == true)
            {
                acceptedList.Add($"{m} {mutator.LastDetail}");
            }

            var tally = perKind[m.Kind];
            perKind[m.Kind] = installed == true ? (tally.Accepted + 1, tally.Refused) : (tally.Accepted, tally.Refused + 1);
        }

        total.Stop();
        int accepted = perKind.Values.Sum(t => t.Accepted);
        foreach (var (kind, tally) in perKind)
        {
            output.WriteLine($"  {kind,-22} accepted {tally.Accepted,5}  refused {tally.Refused,5}");
        }

        times.Sort();
        Results.Record(output, Area, $"mutants ({Results.Mode} run, {Enum.GetValues<MutationKind>().Length} kinds, FsCheck seed {FaultSettings.Seed})", Results.Number(count));
        Results.Record(output, Area, "accepted as harmless / refused", $"{accepted} / {count - accepted}");
        Results.Record(output, Area, "crashes (exceptions other than a refusal)", Results.Number(crashes.Count), "0");
        Results.Record(output, Area, "refusals not naming what is wrong", Results.Number(unnamed.Count), "0");
        Results.Record(output, Area, "times current moved to a pack that does not verify (or moved on a refusal)", Results.Number(badCurrent.Count), "0");
        Results.Record(output, Area, "verify and install disagreeing", Results.Number(disagreements.Count), "0");
        Results.Record(output, Area, "time per mutant (verify + install), mean / p99 / max", $"{Results.Number(times.Average(), 1)} / {Results.Number(times[(int)(times.Count * 0.99)], 1)} / {Results.Number(times[^1], 1)} ms");
        Results.Record(output, Area, "wall time", $"{Results.Number(total.Elapsed.TotalSeconds, 1)} s");

        output.WriteLine("accepted: " + string.Join(Environment.NewLine, acceptedList.Where(a => !a.StartsWith("Reorder", StringComparison.Ordinal) && !a.StartsWith("Recompress", StringComparison.Ordinal)).Take(200)));
        foreach (string line in crashes.Concat(unnamed).Concat(badCurrent).Concat(disagreements).Take(40))
        {
            output.WriteLine(line);
        }

        Assert.True(accepted > 0 && accepted < count, $"{accepted} of {count} accepted: the mutants do not exercise both outcomes");
        Assert.Empty(crashes);
        Assert.Empty(unnamed);
        Assert.Empty(badCurrent);
        Assert.Empty(disagreements);
    }

    private static string? CurrentSha(string root)
    {
        string? target = new FileInfo(Path.Combine(root, "current")).LinkTarget;
        return target is null ? null : Path.GetFileName(Path.TrimEndingDirectorySeparator(target));
    }
}
