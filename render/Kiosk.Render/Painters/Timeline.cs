using Kiosk.Content.Model;
using Kiosk.Render.Layout;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>The bar of all phases with their years; the current phase is larger and in the accent colour.</summary>
internal static class Timeline
{
    /// <summary>Draws the bar in the top of <paramref name="area"/> and returns its height.</summary>
    public static float Paint(SKCanvas canvas, PaintContext ctx, SKRect area, CaseStudy c, int current)
    {
        var m = ctx.M;
        int n = c.Phases.Count;
        float labelSize = MathF.Max(m.MinText, m.SmallSize * 0.85f);
        float step = n > 1 ? area.Width / (n - 1) : 0;
        float dot = MathF.Max(3, 10 * m.U);
        var labels = Place(ctx, area, c, current, labelSize, step);
        bool twoRows = labels.Any(l => l.Row == 1);
        float height = m.Compact ? MathF.Max(18, labelSize * 1.9f) : labelSize * (twoRows ? 4.9f : 3.6f);
        float lineY = area.Top + ((m.Compact ? height : labelSize * 3.6f) * 0.3f);
        using (var line = PaintContext.Stroke(ctx.Theme.NodeBorder, MathF.Max(1, 3 * m.U)))
        {
            canvas.DrawLine(area.Left, lineY, area.Right, lineY, line);
        }

        using (var done = PaintContext.Stroke(ctx.Theme.Accent, MathF.Max(1.5f, 5 * m.U)))
        {
            canvas.DrawLine(area.Left, lineY, area.Left + (step * current), lineY, done);
        }

        for (int i = 0; i < n; i++)
        {
            using var fill = PaintContext.Fill(i <= current ? ctx.Theme.Accent : ctx.Theme.NodeBorder);
            canvas.DrawCircle(area.Left + (step * i), lineY, i == current ? dot * 1.8f : dot, fill);
        }

        foreach (var (i, left, width, row) in labels)
        {
            var layout = ctx.Text.Layout(c.Phases[i].Years, labelSize, width, bold: i == current, maxLines: 1);
            float top = lineY + (dot * 2.2f) + (row * labelSize * 1.3f);
            ctx.Draw(canvas, layout, left, top, width, i == current ? ctx.Theme.Text : ctx.Theme.Muted, $"timeline {c.Id} {i}", SKTextAlign.Center);
        }

        return height;
    }

    /// <summary>
    /// Where the year labels go, all at one size: each centred under its dot (kept inside the area at the ends),
    /// the current phase's first, then outwards from it. A label that would touch one already placed drops to a
    /// second row, and where that is taken too it is left out (its dot stays), rather than shrunk or overlapped.
    /// Small panels label only the current phase.
    /// </summary>
    private static List<(int Index, float Left, float Width, int Row)> Place(PaintContext ctx, SKRect area, CaseStudy c, int current, float size, float step)
    {
        var placed = new List<(int Index, float Left, float Width, int Row)>();
        int n = c.Phases.Count;
        int rows = ctx.M.Compact ? 1 : 2;
        float gap = size * 0.8f;
        var order = Enumerable.Range(0, n).Where(i => !ctx.M.Compact || i == current).OrderBy(i => Math.Abs(i - current)).ThenBy(i => i);
        foreach (int i in order)
        {
            float w = MathF.Min(ctx.Text.Measure(c.Phases[i].Years, size, bold: i == current) + 2, area.Width);
            float left = Math.Clamp(area.Left + (step * i) - (w / 2), area.Left, area.Right - w);
            for (int row = 0; row < rows; row++)
            {
                if (placed.All(p => p.Row != row || left + w + gap <= p.Left || p.Left + p.Width + gap <= left))
                {
                    placed.Add((i, left, w, row));
                    break;
                }
            }
        }

        return placed;
    }
}
