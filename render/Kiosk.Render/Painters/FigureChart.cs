using System.Globalization;
using Kiosk.Content.Model;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>
/// Numbers as pictures: the comparable figures of one series (same unit; years or categories) as a small bar
/// chart, every bar labelled with the figure as printed and its year or category. Bars start at zero, so
/// their lengths compare honestly. Compact layouts (small panels) draw the bars across, one row per figure, so
/// each category and value gets a whole line of text instead of a sliver of a column.
/// </summary>
internal static class FigureChart
{
    /// <summary>The series of two or more figures with numbers, in the order they first appear, and the figures left over.</summary>
    public static (List<List<KeyFigure>> Series, List<KeyFigure> Alone) Split(IReadOnlyList<KeyFigure> figures)
    {
        var series = figures.Where(f => f.Series is not null && f.Number is not null)
            .GroupBy(f => f.Series!)
            .Where(g => g.Count() >= 2)
            .Select(g => g.ToList())
            .ToList();
        var charted = series.SelectMany(s => s).ToHashSet();
        return (series, figures.Where(f => !charted.Contains(f)).ToList());
    }

    public static void Paint(SKCanvas canvas, PaintContext ctx, SKRect area, IReadOnlyList<KeyFigure> series, string what)
    {
        var m = ctx.M;
        using (var fill = PaintContext.Fill(ctx.Theme.Panel))
        {
            canvas.DrawRoundRect(area, 12 * m.U, 12 * m.U, fill);
        }

        float pad = MathF.Max(4, 18 * m.U);
        var inner = new SKRect(area.Left + pad, area.Top + (pad * 0.6f), area.Right - pad, area.Bottom - (pad * 0.6f));
        string caption = Caption(series);
        float captionH = MathF.Min(inner.Height * 0.3f, m.SmallSize * 2.6f);
        var cap = ctx.DrawFitted(canvas, caption, new SKRect(inner.Left, inner.Top, inner.Right, inner.Top + captionH), m.SmallSize, m.MinText, ctx.Theme.Muted, $"{what} chart caption");
        var plot = new SKRect(inner.Left, inner.Top + cap.Height + (pad * 0.4f), inner.Right, inner.Bottom);
        if (m.Compact)
        {
            PaintAcross(canvas, ctx, plot, series, what);
            return;
        }

        int n = series.Count;
        double max = series.Max(f => f.Number!.Value);
        float slot = plot.Width / n;
        float labelH = MathF.Max(m.MinText * 1.4f, m.SmallSize * 1.35f) + 2; // the labels start 2 px under the axis
        float valueH = MathF.Max(m.MinText * 1.4f, m.BodySize * 1.3f);
        float barMaxH = plot.Height - labelH - valueH;
        if (barMaxH < 4)
        {
            ctx.Overflows.Add($"{ctx.Where}: {what} chart has no room");
            return;
        }

        float baseY = plot.Bottom - labelH;
        using var bar = PaintContext.Fill(ctx.Theme.Accent);
        using var axis = PaintContext.Stroke(ctx.Theme.NodeBorder, MathF.Max(1, 2 * m.U));
        canvas.DrawLine(plot.Left, baseY, plot.Right, baseY, axis);

        // One size for every value and every category label, the smallest that fits them all.
        float valueSize = m.BodySize, labelSize = m.SmallSize;
        foreach (var f in series)
        {
            valueSize = MathF.Min(valueSize, ctx.Text.Fit(f.Value, slot - 4, valueH, m.BodySize, m.MinText, bold: true).Size);
            labelSize = MathF.Min(labelSize, ctx.Text.Fit(Category(f), slot - 4, labelH, m.SmallSize, m.MinText).Size);
        }

        for (int i = 0; i < n; i++)
        {
            var f = series[i];
            float h = max <= 0 ? 0 : (float)(f.Number!.Value / max) * barMaxH;
            float x = plot.Left + (slot * i);
            float bw = MathF.Min(slot * 0.56f, 140 * m.U + 12);
            var rect = new SKRect(x + ((slot - bw) / 2), baseY - h, x + ((slot + bw) / 2), baseY);
            canvas.DrawRect(rect, bar);
            ctx.DrawFitted(canvas, f.Value, new SKRect(x + 2, rect.Top - valueH, x + slot - 2, rect.Top), valueSize, MathF.Min(valueSize, m.MinText), ctx.Theme.Text, $"{what} chart value {i}", bold: true, align: SKTextAlign.Center);
            ctx.DrawFitted(canvas, Category(f), new SKRect(x + 2, baseY + 2, x + slot - 2, plot.Bottom), labelSize, MathF.Min(labelSize, m.MinText), ctx.Theme.Muted, $"{what} chart label {i}", align: SKTextAlign.Center);
        }
    }

    /// <summary>The height a compact (across) chart of <paramref name="rows"/> figures wants: padding, caption, a row each.</summary>
    public static float AcrossHeight(PaintContext ctx, int rows)
    {
        var m = ctx.M;
        float pad = MathF.Max(4, 18 * m.U);
        return (pad * 1.6f) + (m.SmallSize * 1.4f) + (rows * m.BodySize * 1.9f);
    }

    /// <summary>One row per figure: its year or category, a bar from zero, the value as printed at the bar's end.</summary>
    private static void PaintAcross(SKCanvas canvas, PaintContext ctx, SKRect plot, IReadOnlyList<KeyFigure> series, string what)
    {
        var m = ctx.M;
        int n = series.Count;
        float rowH = MathF.Min(plot.Height / n, m.BodySize * 2.2f);
        // One size for every category and one for every value: the largest whose line fits a row.
        float valueSize = MathF.Max(m.MinText, MathF.Min(m.BodySize, rowH / 1.3f));
        float labelSize = MathF.Max(m.MinText, MathF.Min(m.SmallSize, rowH / 1.3f));
        if (rowH < m.MinText * 1.28f)
        {
            ctx.Overflows.Add($"{ctx.Where}: {what} chart has no room");
            return;
        }

        float gap = MathF.Max(4, 12 * m.U);
        float labelW = series.Max(f => ctx.Text.Measure(Category(f), labelSize));
        float valueW = series.Max(f => ctx.Text.Measure(f.Value, valueSize, bold: true));
        float barLeft = plot.Left + labelW + gap;
        float barMax = plot.Right - valueW - gap - barLeft;
        if (barMax < plot.Width * 0.2f)
        {
            ctx.Overflows.Add($"{ctx.Where}: {what} chart labels leave no room for bars");
            return;
        }

        double max = series.Max(f => f.Number!.Value);
        float top = plot.Top + ((plot.Height - (rowH * n)) / 2);
        using var bar = PaintContext.Fill(ctx.Theme.Accent);
        using var axis = PaintContext.Stroke(ctx.Theme.NodeBorder, MathF.Max(1, 2 * m.U));
        canvas.DrawLine(barLeft, top, barLeft, top + (rowH * n), axis);
        for (int i = 0; i < n; i++)
        {
            var f = series[i];
            float y = top + (rowH * i);
            float len = max <= 0 ? 0 : MathF.Max(1, (float)(f.Number!.Value / max) * barMax);
            canvas.DrawRect(new SKRect(barLeft, y + (rowH * 0.18f), barLeft + len, y + (rowH * 0.82f)), bar);
            var label = ctx.Text.Layout(Category(f), labelSize, labelW + 1, maxLines: 1);
            ctx.Draw(canvas, label, plot.Left, y + ((rowH - label.Height) / 2), labelW, ctx.Theme.Muted, $"{what} chart label {i}", SKTextAlign.Right);
            var value = ctx.Text.Layout(f.Value, valueSize, valueW + 1, bold: true, maxLines: 1);
            ctx.Draw(canvas, value, barLeft + len + gap, y + ((rowH - value.Height) / 2), valueW, ctx.Theme.Text, $"{what} chart value {i}");
        }
    }

    private static string Category(KeyFigure f) =>
        f.Category ?? f.Year?.ToString(CultureInfo.InvariantCulture) ?? f.Label;

    /// <summary>What the bars measure: the words the figures' labels share (e.g. "Firms in the district"), else the unit.</summary>
    private static string Caption(IReadOnlyList<KeyFigure> series)
    {
        var words = series.Select(f => f.Label.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        int common = 0;
        while (words.All(w => w.Length > common) && words.All(w => string.Equals(w[common], words[0][common], StringComparison.OrdinalIgnoreCase)))
        {
            common++;
        }

        string shared = string.Join(' ', words[0].Take(common)).TrimEnd(',', ':', ';');
        string unit = series[0].Unit ?? string.Empty;
        return shared.Length >= 6 ? (unit.Length > 0 && !shared.Contains(unit, StringComparison.OrdinalIgnoreCase) ? $"{shared} ({unit})" : shared) : unit;
    }
}
