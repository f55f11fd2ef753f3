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

    /// <summary>Mean and largest share of a full frame over every step between neighbouring phases of the pack.</summary>
    public static (double Mean, double Max, int Steps) Measure(PackContent pack, IReadOnlyDictionary<string, byte[]> fonts, DisplayProfile profile, ScreenKind kind)
    {
        using var renderer = new SceneRenderer(pack, fonts, profile);
        long full = ((long)profile.Width * profile.Height * 2) + WindowOverhead;
        double sum = 0, max = 0;
        int steps = 0;
        for (int c = 0; c < pack.Cases.Count; c++)
        {
            for (int p = 0; p + 1 < pack.Cases[c].Phases.Count; p++)
            {
                renderer.Render(Scene.At(new Screen(kind, c, p)));
                var frame = renderer.Render(Scene.At(new Screen(kind, c, p + 1)));
                long bytes = 0;
                foreach (var rect in frame.Dirty)
                {
                    bytes += ((long)rect.Area * 2) + WindowOverhead;
                }

                double share = bytes / (double)full;
                sum += share;
                max = Math.Max(max, share);
                steps++;
            }
        }

        return (steps == 0 ? 0 : sum / steps, max, steps);
    }
}
