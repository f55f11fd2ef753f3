using BenchmarkDotNet.Reports;
using Kiosk.Content.Packing;
using Kiosk.Render.Benchmarks;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;

namespace Kiosk.Benchmarks;

/// <summary>BenchmarkDotNet's means turned into the same goal rows <c>kiosk bench</c> prints.</summary>
internal static class GoalReport
{
    public static List<BenchRow> Rows(IEnumerable<Summary> summaries, LoadedPack pack)
    {
        var rows = new List<BenchRow>();
        foreach (var summary in summaries)
        {
            double? baseline = Mean(summary, nameof(Hdmi1080Benchmarks.Memcpy));
            if (baseline is null)
            {
                continue;
            }

            Add(summary, nameof(Spi320Benchmarks.Rgb565Conversion), BenchGoals.Rgb565Conversion);
            Add(summary, nameof(Spi320Benchmarks.TransitionFrameWithRgb565), BenchGoals.SpiTransition320);
            Add(summary, nameof(Hdmi1080Benchmarks.TransitionFrame), BenchGoals.Transition1080);
            Add(summary, nameof(Hdmi1080Benchmarks.FirstRender), BenchGoals.FirstRender1080);
            if (Report(summary, nameof(Hdmi1080Benchmarks.TransitionFrame)) is { } morph)
            {
                rows.Add(BenchGoals.Allocations(BenchGoals.AllocationsMorph, morph.GcStats.GetBytesAllocatedPerOperation(morph.BenchmarkCase) ?? double.NaN));
            }

            void Add(Summary s, string method, string goal)
            {
                if (Mean(s, method) is { } mean)
                {
                    rows.Add(BenchGoals.Ratio(goal, mean / baseline.Value));
                }
            }
        }

        rows.Add(BenchGoals.Share(BenchGoals.PhaseStepPhase, PhaseStepBytes.Measure(pack.Content, pack.Fonts, DisplayProfile.Spi320, ScreenKind.Phase).Mean));
        rows.Add(BenchGoals.Share(BenchGoals.PhaseStepDiagram, PhaseStepBytes.Measure(pack.Content, pack.Fonts, DisplayProfile.Spi320, ScreenKind.Diagram).Mean));
        using var rest = new TransitionWorkload(pack.Content, pack.Fonts, DisplayProfile.Hdmi, toRgb565: false);
        var screen = Scene.At(rest.Morph(1).To);
        rows.Add(BenchGoals.Allocations(BenchGoals.AllocationsAtRest, SteadyStateAllocations.PerFrame(rest.Renderer, _ => screen)));
        return rows;
    }

    private static BenchmarkReport? Report(Summary summary, string method) =>
        summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && r.ResultStatistics is not null);

    private static double? Mean(Summary summary, string method) => Report(summary, method)?.ResultStatistics?.Mean;
}
