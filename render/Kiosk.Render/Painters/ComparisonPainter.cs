using Kiosk.Content.Model;
using Kiosk.Render.Layout;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>Two sides of a case compared column by column (e.g. Suzhou and Shenzhen).</summary>
internal static class ComparisonPainter
{
    /// <summary>
    /// Compact layouts may give each side its own page (SidePages); elsewhere both share one. On compact layouts the
    /// paper's headline numbers follow on a page of their own (on larger screens they sit under the two sides).
    /// </summary>
    public static int Pages(PaintContext ctx, int caseIndex) => SidePages(ctx, caseIndex) + (NumbersPage(ctx, caseIndex) ? 1 : 0);

    /// <summary>
    /// Compact layouts give each side a page of its own where the two side by side would need text under the
    /// legible minimum (always in large text; on a 320x240 panel when the points are long).
    /// </summary>
    private static int SidePages(PaintContext ctx, int caseIndex)
    {
        if (!ctx.M.Compact || ctx.Case(caseIndex).Comparison is not { } cmp)
        {
            return 1;
        }

        var area = Chrome.Content(ctx, hint: true);
        var left = new SKRect(area.Left, area.Top, area.Left + ((area.Width - ctx.M.Gap) / 2), area.Bottom);
        return ctx.Theme.IsLargeText || PointsSize(ctx, left, cmp) < ctx.M.MinText - 0.01f ? 2 : 1;
    }

    private static bool NumbersPage(PaintContext ctx, int caseIndex) => ctx.M.Compact && ctx.Case(caseIndex).Comparison is { Figures.Count: > 0 };

    public static void Paint(SKCanvas canvas, PaintContext ctx, int caseIndex, int page = 0)
    {
        var m = ctx.M;
        var c = ctx.Case(caseIndex);
        Chrome.Background(canvas, ctx);
        var cmp = c.Comparison ?? new Comparison(c.Title, new ComparisonSide(c.Title, [c.Thesis]), new ComparisonSide(string.Empty, []));
        bool paged = SidePages(ctx, caseIndex) > 1;
        if (NumbersPage(ctx, caseIndex) && page >= SidePages(ctx, caseIndex))
        {
            var numbers = Chrome.Header(canvas, ctx, cmp.Title, string.Empty, string.Empty);
            float y = numbers.Top + ctx.DrawFitted(canvas, "In numbers", new SKRect(numbers.Left, numbers.Top, numbers.Right, numbers.Top + (m.HeadingSize * 1.4f)), m.HeadingSize, m.MinText, ctx.Theme.Text, $"comparison {c.Id} numbers title", bold: true).Height + (m.Gap * 0.6f);
            var (charts, alone) = FigureChart.Split(cmp.Figures);
            PhasePainter.PaintFigures(canvas, ctx, new SKRect(numbers.Left, y, numbers.Right, numbers.Bottom), charts, alone, $"comparison {c.Id}");
            return;
        }

        var area = Chrome.Header(canvas, ctx, cmp.Title, m.Compact ? string.Empty : c.Title, "◀ back to the timeline   ·   Home: all cases");
        // The paper's headline comparative numbers take the lower part of the screen, charted where comparable. On
        // compact layouts (small panels, large text below 720 lines) the two sides need the whole screen to stay
        // legible, so the numbers have their own page (above).
        if (cmp.Figures.Count > 0 && !m.Compact)
        {
            float figuresH = area.Height * (m.Compact ? 0.42f : 0.45f);
            var (series, rest) = FigureChart.Split(cmp.Figures);
            var figures = new SKRect(area.Left, area.Bottom - figuresH, area.Right, area.Bottom);
            if (series.Count > 0 && rest.Count == 0)
            {
                float w = (figures.Width - (m.Gap * (series.Count - 1))) / series.Count;
                for (int s = 0; s < series.Count; s++)
                {
                    FigureChart.Paint(canvas, ctx, new SKRect(figures.Left + (s * (w + m.Gap)), figures.Top, figures.Left + (s * (w + m.Gap)) + w, figures.Bottom), series[s], $"comparison {c.Id} {s}");
                }
            }
            else
            {
                PhasePainter.PaintFigures(canvas, ctx, figures, series, rest, $"comparison {c.Id}");
            }

            area = new SKRect(area.Left, area.Top, area.Right, figures.Top - m.Gap);
        }

        if (paged)
        {
            // One side per page, at full width (two narrow columns would wrap every few words and still not fit).
            var side = page == 0 ? cmp.Left : cmp.Right;
            float one = PointsSize(ctx, area, cmp);
            PaintSide(canvas, ctx, area, side with { Label = $"{side.Label}  ({Math.Clamp(page, 0, 1) + 1}/2)" }, Math.Clamp(page, 0, 1), c.Id, one);
            return;
        }

        float half = (area.Width - m.Gap) / 2;
        var left = new SKRect(area.Left, area.Top, area.Left + half, area.Bottom);
        float size = PointsSize(ctx, left, cmp);
        PaintSide(canvas, ctx, left, cmp.Left, 0, c.Id, size);
        PaintSide(canvas, ctx, new SKRect(area.Right - half, area.Top, area.Right, area.Bottom), cmp.Right, 1, c.Id, size);
    }

    /// <summary>The box a side's points get inside its panel of <paramref name="area"/>'s size.</summary>
    private static SKRect PointsBox(PaintContext ctx, SKRect area)
    {
        var m = ctx.M;
        float pad = MathF.Max(5, 28 * m.U);
        return new SKRect(area.Left + pad, area.Top + pad + (m.HeadingSize * 1.4f) + (m.Gap * 0.6f), area.Right - pad, area.Bottom - pad);
    }

    /// <summary>One size for both sides' points (the largest at which both fit), so neither side looks weightier.</summary>
    private static float PointsSize(PaintContext ctx, SKRect area, Comparison cmp)
    {
        var m = ctx.M;
        var box = PointsBox(ctx, area);
        return new[] { cmp.Left, cmp.Right }.Min(side => ctx.Text.Fit(Points(side), box.Width, box.Height, m.BodySize, m.Legible(m.MinText * 0.9f)).Size);
    }

    private static string Points(ComparisonSide side) => string.Join("\n", side.Points.Select(p => "• " + p));


    private static void PaintSide(SKCanvas canvas, PaintContext ctx, SKRect area, ComparisonSide side, int index, string caseId, float size)
    {
        var m = ctx.M;
        using (var fill = PaintContext.Fill(ctx.Theme.Panel))
        {
            canvas.DrawRoundRect(area, 14 * m.U, 14 * m.U, fill);
        }

        float pad = MathF.Max(5, 28 * m.U);
        var inner = new SKRect(area.Left + pad, area.Top + pad, area.Right - pad, area.Bottom - pad);
        float y = inner.Top;
        ctx.DrawFitted(canvas, side.Label, new SKRect(inner.Left, y, inner.Right, y + (m.HeadingSize * 1.4f)), m.HeadingSize, m.MinText, ctx.Theme.ModeColor(index), $"comparison {caseId} label {index}", bold: true);
        ctx.DrawFitted(canvas, Points(side), PointsBox(ctx, area), size, size, ctx.Theme.Text, $"comparison {caseId} points {index}");
    }
}
