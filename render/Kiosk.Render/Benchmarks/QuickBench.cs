using Kiosk.Content.Model;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;

namespace Kiosk.Render.Benchmarks;

/// <summary>
/// Every goal measured once, quickly (well under half a minute on a Pi-class machine): the figures
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
        Add(BenchGoals.Ratio(BenchGoals.Rgb565Conversion, RatioTimer.MedianRatio(copy320.Run, rgb565.Run, perRow)));
        using (var spi = new TransitionWorkload(pack, fonts, DisplayProfile.Spi320, toRgb565: true))
        {
            Add(BenchGoals.Ratio(BenchGoals.SpiTransition320, RatioTimer.MedianRatio(copy320.Run, () => spi.Run(), perRow)));
        }

        var step = PhaseStepBytes.Measure(pack, fonts, DisplayProfile.Spi320, ScreenKind.Phase);
        Add(BenchGoals.Share(BenchGoals.PhaseStepPhase, step.Mean));
        step = PhaseStepBytes.Measure(pack, fonts, DisplayProfile.Spi320, ScreenKind.Diagram);
        Add(BenchGoals.Share(BenchGoals.PhaseStepDiagram, step.Mean));

        var copy1080 = new FrameCopyBaseline(1920, 1080);
        using (var hdmi = new TransitionWorkload(pack, fonts, DisplayProfile.Hdmi, toRgb565: false))
        {
            Add(BenchGoals.Ratio(BenchGoals.Transition1080, RatioTimer.MedianRatio(copy1080.Run, () => hdmi.Run(), perRow)));
            var rest = Scene.At(hdmi.Morph(1).To);
            Add(BenchGoals.Allocations(BenchGoals.AllocationsAtRest, SteadyStateAllocations.PerFrame(hdmi.Renderer, _ => rest)));
            Add(BenchGoals.Allocations(BenchGoals.AllocationsMorph, SteadyStateAllocations.PerFrame(hdmi.Renderer, i => hdmi.Morph((i + 0.5f) / SteadyStateAllocations.Frames))));
        }

        var cold = new FirstRenderWorkload(pack, fonts, DisplayProfile.Hdmi);
        Add(BenchGoals.Ratio(BenchGoals.FirstRender1080, RatioTimer.MedianRatio(copy1080.Run, () => cold.Run(), perRow * 2)));
        return rows;
    }
}
