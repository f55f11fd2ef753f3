using BenchmarkDotNet.Reports;
using Kiosk.Bench;
using Kiosk.Content.Packing;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;

namespace Kiosk.Benchmarks;

/// <summary>BenchmarkDotNet's means turned into the same goal rows <c>kiosk bench</c> prints.</summary>
internal static class GoalReport
{
    /// <summary>Benchmark method per transition kind, in <see cref="TransitionKind.All"/>'s order.</summary>
    private static readonly (string Method, string Kind)[] _kinds =
    [
        (nameof(TransitionBenchmarks.Morph), "morph"),
        (nameof(TransitionBenchmarks.CrossFade), "cross-fade"),
        (nameof(TransitionBenchmarks.Fade), "fade"),
        (nameof(TransitionBenchmarks.Slide), "slide"),
        (nameof(TransitionBenchmarks.Attract), "attract"),
    ];

    public static List<BenchRow> Rows(IEnumerable<Summary> summaries, LoadedPack pack)
    {
        var rows = new List<BenchRow>();
        foreach (var summary in summaries)
        {
            if (Mean(summary, nameof(TransitionBenchmarks.Memcpy)) is not { } baseline)
            {
                continue;
            }

            var profile = summary.Reports.Any(r => r.BenchmarkCase.Descriptor.Type == typeof(Spi320Benchmarks)) ? DisplayProfile.Spi320 : DisplayProfile.Hdmi;
            if (Mean(summary, nameof(Spi320Benchmarks.Rgb565Conversion)) is { } rgb565)
            {
                rows.Add(BenchGoals.Ratio(BenchGoals.Rgb565Conversion, rgb565 / baseline, BenchGoals.Rgb565));
            }

            double worst = double.NaN;
            foreach (var (method, kind) in _kinds)
            {
                if (Mean(summary, method) is { } mean)
                {
                    worst = double.IsNaN(worst) ? mean / baseline : Math.Max(worst, mean / baseline);
                    rows.Add(BenchGoals.Ratio(BenchGoals.Transition(profile, kind), mean / baseline, BenchGoals.TransitionFrame));
                }
            }

            if (!double.IsNaN(worst))
            {
                rows.Add(BenchGoals.Ratio(BenchGoals.WorstTransition(profile), worst, BenchGoals.TransitionFrame));
            }
            if (Mean(summary, nameof(Hdmi1080Benchmarks.FirstRender)) is { } cold)
            {
                rows.Add(BenchGoals.Ratio(BenchGoals.FirstRender1080, cold / baseline, BenchGoals.FirstRender));
            }

            if (profile == DisplayProfile.Hdmi && Report(summary, nameof(TransitionBenchmarks.Morph)) is { } morph)
            {
                rows.Add(BenchGoals.Allocations(BenchGoals.AllocationsMorph, morph.GcStats.GetBytesAllocatedPerOperation(morph.BenchmarkCase) ?? double.NaN));
            }
        }

        rows.Add(PhaseStepBytes.Row(pack.Content, pack.Fonts, ScreenKind.Phase));
        rows.Add(PhaseStepBytes.Row(pack.Content, pack.Fonts, ScreenKind.Diagram));
        using var rest = new TransitionWorkload(pack.Content, pack.Fonts, DisplayProfile.Hdmi, toRgb565: false);
        var screen = Scene.At(rest.Kind.To);
        rows.Add(BenchGoals.Allocations(BenchGoals.AllocationsAtRest, SteadyStateAllocations.PerFrame(rest.Renderer, _ => screen)));
        return rows;
    }

    private static BenchmarkReport? Report(Summary summary, string method) =>
        summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && r.ResultStatistics is not null);

    private static double? Mean(Summary summary, string method) => Report(summary, method)?.ResultStatistics?.Mean;
}
