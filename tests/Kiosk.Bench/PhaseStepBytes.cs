using System.Globalization;
using System.Runtime.InteropServices;
using Kiosk.Content.Model;
using Kiosk.Render.Profiles;
using Kiosk.Render;
using Kiosk.Render.Scenes;

namespace Kiosk.Bench;

/// <summary>
/// What an SPI panel is sent for one phase step (Next on a phase or diagram screen): the dirty rectangles
/// at 2 bytes a pixel plus the column/row window commands per rectangle, as a share of a full frame.
/// </summary>
public static class PhaseStepBytes
{
    /// <summary>CASET (1+4), RASET (1+4) and RAMWR (1) command bytes before each rectangle's pixels.</summary>
    public const int WindowOverhead = 11;

    /// <summary>
    /// The bench row for one screen kind; when it misses its goal, the row says why with the floor no rectangle
    /// can beat: the share of the panel's pixels that really change on a step.
    /// </summary>
    public static BenchRow Row(PackContent pack, IReadOnlyDictionary<string, byte[]> fonts, ScreenKind kind)
    {
        var step = Measure(pack, fonts, DisplayProfile.Spi320, kind);
        var row = BenchGoals.Share(kind == ScreenKind.Phase ? BenchGoals.PhaseStepPhase : BenchGoals.PhaseStepDiagram, step.Mean);
        return row.Pass ? row : row with
        {
            Why = string.Create(CultureInfo.InvariantCulture,
                $"the pixels that really change on a step are {step.ChangedPixels:P1} of the panel (worst step sends {step.Max:P1}); rectangles around lines of new text over old cost more than those pixels, so the goal needs less changing on each small-panel step, a curator's choice (README, renderer goals)"),
        };
    }

    /// <summary>
    /// Mean and largest share of a full frame over every step between neighbouring phases of the pack, and the mean
    /// share of pixels that differ (what a perfect diff would send, before any window commands).
    /// </summary>
    public static (double Mean, double Max, int Steps, double ChangedPixels) Measure(PackContent pack, IReadOnlyDictionary<string, byte[]> fonts, DisplayProfile profile, ScreenKind kind)
    {
        using var renderer = new SceneRenderer(pack, fonts, profile);
        long full = ((long)profile.Width * profile.Height * 2) + WindowOverhead;
        double sum = 0, max = 0, changed = 0;
        int steps = 0;
        for (int c = 0; c < pack.Cases.Count; c++)
        {
            for (int p = 0; p + 1 < pack.Cases[c].Phases.Count; p++)
            {
                byte[] before = (byte[])renderer.Render(Scene.At(new Screen(kind, c, p))).Pixels.Clone();
                var frame = renderer.Render(Scene.At(new Screen(kind, c, p + 1)));
                long bytes = 0;
                foreach (var rect in frame.Dirty)
                {
                    bytes += ((long)rect.Area * 2) + WindowOverhead;
                }

                double share = bytes / (double)full;
                sum += share;
                max = Math.Max(max, share);
                changed += Differing(before, frame.Pixels) / (double)(profile.Width * profile.Height);
                steps++;
            }
        }

        return steps == 0 ? (0, 0, 0, 0) : (sum / steps, max, steps, changed / steps);
    }

    private static int Differing(byte[] a, byte[] b)
    {
        var pa = MemoryMarshal.Cast<byte, uint>(a);
        var pb = MemoryMarshal.Cast<byte, uint>(b);
        int n = 0;
        for (int i = 0; i < pa.Length; i++)
        {
            n += pa[i] != pb[i] ? 1 : 0;
        }

        return n;
    }
}
