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
        float height = m.Compact ? MathF.Max(18, labelSize * 1.9f) : labelSize * 3.6f;
        float lineY = area.Top + (m.Compact ? height * 0.3f : height * 0.3f);
        float step = n > 1 ? area.Width / (n - 1) : 0;
        float dot = MathF.Max(3, 10 * m.U);
        using (var line = PaintContext.Stroke(Theme.NodeBorder, MathF.Max(1, 3 * m.U)))
        {
            canvas.DrawLine(area.Left, lineY, area.Right, lineY, line);
        }

        using (var done = PaintContext.Stroke(Theme.Accent, MathF.Max(1.5f, 5 * m.U)))
        {
            canvas.DrawLine(area.Left, lineY, area.Left + (step * current), lineY, done);
        }

        for (int i = 0; i < n; i++)
        {
            float x = area.Left + (step * i);
            using var fill = PaintContext.Fill(i <= current ? Theme.Accent : Theme.NodeBorder);
            canvas.DrawCircle(x, lineY, i == current ? dot * 1.8f : dot, fill);
            bool label = !m.Compact || i == current;
            if (label)
            {
                // Labels sit centred under their dot, kept inside the area at the ends.
                string years = c.Phases[i].Years;
                float w = MathF.Min(ctx.Text.Measure(years, labelSize) + 2, MathF.Max(step * 0.96f, 10) * (m.Compact ? 4 : 1));
                float left = Math.Clamp(x - (w / 2), area.Left, area.Right - w);
                var box = new SKRect(left, lineY + (dot * 2.2f), left + w, area.Top + height);
                ctx.DrawFitted(canvas, years, box, labelSize, MathF.Min(labelSize, m.MinText * 0.8f), i == current ? Theme.Text : Theme.Muted, $"timeline {c.Id} {i}", bold: i == current, align: SKTextAlign.Center);
            }
        }

        return height;
    }
}
