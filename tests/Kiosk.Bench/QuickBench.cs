using Kiosk.Content.Model;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;

namespace Kiosk.Bench;

/// <summary>
/// Every goal measured once, quickly (well under a minute on a Pi-class machine): the figures
/// <c>kiosk bench</c> prints. Noisy by design; BenchmarkDotNet (tests/Kiosk.Benchmarks) measures the same
/// workloads carefully.
/// </summary>
public static class QuickBench
{
    public static List<BenchRow> Run(PackContent pack, IReadOnlyDictionary<string, byte[]> fonts, TimeSpan perRow, Action<string>? progress = null)
    {
        var rows = new List<BenchRow>();
        void Add(BenchRow row)
        {
            rows.Add(row);
            progress?.Invoke($"{row.Name}: {row.FormatValue()}");
        }

        var copy320 = new FrameCopyBaseline(320, 240);
        var rgb565 = new Rgb565Workload(320, 240);
        Add(BenchGoals.Ratio(BenchGoals.Rgb565Conversion, RatioTimer.MedianRatio(copy320.Run, rgb565.Run, perRow), BenchGoals.Rgb565));
        Transitions(pack, fonts, DisplayProfile.Spi320, copy320, perRow / 2, Add);

        Add(PhaseStepBytes.Row(pack, fonts, ScreenKind.Phase));
        Add(PhaseStepBytes.Row(pack, fonts, ScreenKind.Diagram));

        var copy1080 = new FrameCopyBaseline(1920, 1080);
        Transitions(pack, fonts, DisplayProfile.Hdmi, copy1080, perRow / 2, Add);
        using (var hdmi = new TransitionWorkload(pack, fonts, DisplayProfile.Hdmi, toRgb565: false))
        {
            var rest = Scene.At(hdmi.Kind.To);
            Add(BenchGoals.Allocations(BenchGoals.AllocationsAtRest, SteadyStateAllocations.PerFrame(hdmi.Renderer, _ => rest)));
            Add(BenchGoals.Allocations(BenchGoals.AllocationsMorph, SteadyStateAllocations.PerFrame(hdmi.Renderer, i => hdmi.At((i + 0.5f) / SteadyStateAllocations.Frames))));
        }

        var cold = new FirstRenderWorkload(pack, fonts, DisplayProfile.Hdmi);
        Add(BenchGoals.Ratio(BenchGoals.FirstRender1080, RatioTimer.MedianRatio(copy1080.Run, () => cold.Run(), perRow * 2), BenchGoals.FirstRender));
        return rows;
    }

    /// <summary>A row per transition kind, then the worst of them: the goal holds only if every kind meets it.</summary>
    private static void Transitions(PackContent pack, IReadOnlyDictionary<string, byte[]> fonts, DisplayProfile profile, FrameCopyBaseline copy, TimeSpan perKind, Action<BenchRow> add)
    {
        double worst = 0;
        foreach (var kind in TransitionKind.All(pack))
        {
            using var workload = new TransitionWorkload(pack, fonts, profile, BenchGoals.IsSpi(profile), kind);
            double ratio = RatioTimer.MedianRatio(copy.Run, () => workload.Run(), perKind);
            worst = Math.Max(worst, ratio);
            add(BenchGoals.Ratio(BenchGoals.Transition(profile, kind.Name), ratio, BenchGoals.TransitionFrame));
        }

        add(BenchGoals.Ratio(BenchGoals.WorstTransition(profile), worst, BenchGoals.TransitionFrame));
    }
}
