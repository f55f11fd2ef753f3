using Kiosk.Content.Model;
using Kiosk.Render.Layout;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>Two sides of a case compared column by column (e.g. Suzhou and Shenzhen).</summary>
internal static class ComparisonPainter
{
    public static void Paint(SKCanvas canvas, PaintContext ctx, int caseIndex)
    {
        var m = ctx.M;
        var c = ctx.Case(caseIndex);
        Chrome.Background(canvas, ctx);
        var cmp = c.Comparison ?? new Comparison(c.Title, new ComparisonSide(c.Title, [c.Thesis]), new ComparisonSide(string.Empty, []));
        var area = Chrome.Header(canvas, ctx, cmp.Title, m.Compact ? string.Empty : c.Title, "◀ back to the timeline   ·   Home: all cases");
        float half = (area.Width - m.Gap) / 2;
        PaintSide(canvas, ctx, new SKRect(area.Left, area.Top, area.Left + half, area.Bottom), cmp.Left, 0, c.Id);
        PaintSide(canvas, ctx, new SKRect(area.Right - half, area.Top, area.Right, area.Bottom), cmp.Right, 1, c.Id);
    }

    private static void PaintSide(SKCanvas canvas, PaintContext ctx, SKRect area, ComparisonSide side, int index, string caseId)
    {
        var m = ctx.M;
        using (var fill = PaintContext.Fill(Theme.Panel))
        {
            canvas.DrawRoundRect(area, 14 * m.U, 14 * m.U, fill);
        }

        float pad = MathF.Max(5, 28 * m.U);
        var inner = new SKRect(area.Left + pad, area.Top + pad, area.Right - pad, area.Bottom - pad);
        float y = inner.Top;
        y += ctx.DrawFitted(canvas, side.Label, new SKRect(inner.Left, y, inner.Right, y + (m.HeadingSize * 1.4f)), m.HeadingSize, m.MinText, Theme.ModeColor(index), $"comparison {caseId} label {index}", bold: true).Height + (m.Gap * 0.6f);
        string points = string.Join("\n", side.Points.Select(p => "• " + p));
        ctx.DrawFitted(canvas, points, new SKRect(inner.Left, y, inner.Right, inner.Bottom), m.BodySize, m.MinText * 0.9f, Theme.Text, $"comparison {caseId} points {index}");
    }
}
