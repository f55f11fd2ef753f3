using System.Globalization;
using Kiosk.Content.Model;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>
/// One phase of a case's timeline: the bar, the phase's title and story, the papers' voices (pull quotes) and
/// its key figures, comparable ones as a chart.
/// </summary>
internal static class PhasePainter
{
    public static void Paint(SKCanvas canvas, PaintContext ctx, int caseIndex, int phaseIndex)
    {
        var m = ctx.M;
        var c = ctx.Case(caseIndex);
        var p = c.Phases[Math.Clamp(phaseIndex, 0, c.Phases.Count - 1)];
        Chrome.Background(canvas, ctx);
        string position = string.Create(CultureInfo.InvariantCulture, $"Phase {phaseIndex + 1} of {c.Phases.Count}");
        var area = Chrome.Header(canvas, ctx, c.Title, position, "◀ ▶ phases   ·   Select: coupling diagram   ·   Back: case   ·   Home: all cases");
        float y = area.Top + Timeline.Paint(canvas, ctx, area, c, phaseIndex) + m.Gap;
        var quotes = c.Quotes.Where(q => q.Phase == p.Id).ToList();
        var (series, rest) = FigureChart.Split(p.Figures);
        string what = $"{c.Id}/{p.Id}";

        bool side = !m.Compact && p.Figures.Count > 0;
        float textRight = side ? area.Left + (area.Width * 0.62f) : area.Right;
        float figuresH = m.Compact && p.Figures.Count > 0 ? (series.Count > 0 ? MathF.Max(60, area.Height * 0.34f) : MathF.Max(28, m.BodySize * 2.7f)) : 0;
        float titleH = m.HeadingSize * 2.7f;
        string title = m.Compact ? $"{p.Years}  {p.Title}" : p.Title;
        y += ctx.DrawFitted(canvas, title, new SKRect(area.Left, y, textRight, y + titleH), m.HeadingSize, m.MinText, ctx.Theme.Text, $"phase {what} title", bold: true).Height + (m.Gap * 0.6f);
        float figuresTop = y;

        // The story takes what it needs (up to the whole column when there is no quote); quotes follow it.
        string body = m.Compact ? p.Short : p.Summary;
        float bodyBottom = area.Bottom - figuresH;
        if (quotes.Count > 0)
        {
            bodyBottom = y + ((bodyBottom - y) * (m.Compact ? 0.55f : 0.62f));
        }

        var bodyLayout = ctx.DrawFitted(canvas, body, new SKRect(area.Left, y, textRight, bodyBottom), m.BodySize, m.MinText, ctx.Theme.Text, $"phase {what} {(m.Compact ? "short" : "summary")}");
        if (quotes.Count > 0)
        {
            float top = y + bodyLayout.Height + (m.Gap * 0.9f);
            PullQuote.PaintAll(canvas, ctx, new SKRect(area.Left, top, textRight, area.Bottom - figuresH - (figuresH > 0 ? m.Gap * 0.5f : 0)), c, quotes, $"phase {what}");
        }

        if (side)
        {
            PaintFigures(canvas, ctx, new SKRect(textRight + (m.Gap * 2), figuresTop, area.Right, area.Bottom), series, rest, what);
        }
        else if (figuresH > 0)
        {
            var strip = new SKRect(area.Left, area.Bottom - figuresH, area.Right, area.Bottom);
            if (series.Count > 0)
            {
                FigureChart.Paint(canvas, ctx, strip, series[0], $"figure {what}");
            }
            else
            {
                var f = p.Figures[0];
                ctx.DrawFitted(canvas, $"{f.Value} · {f.Label}", strip, m.BodySize, m.MinText, ctx.Theme.Accent, $"phase {what} figure", bold: true);
            }
        }
    }

    /// <summary>Charts first (each series its own), then a card per figure that stands alone.</summary>
    internal static void PaintFigures(SKCanvas canvas, PaintContext ctx, SKRect area, List<List<KeyFigure>> series, List<KeyFigure> rest, string what)
    {
        var m = ctx.M;
        float gap = m.Gap * 0.6f;
        float cardH = MathF.Min(m.HeadingSize * 3.6f, rest.Count == 0 ? 0 : (area.Height * (series.Count == 0 ? 1 : 0.45f) - (gap * (rest.Count - 1))) / rest.Count);
        float chartsH = area.Height - (rest.Count * (cardH + gap));
        float y = area.Top;
        for (int s = 0; s < series.Count; s++)
        {
            float h = MathF.Min((chartsH - (gap * (series.Count - 1))) / series.Count, area.Height * 0.55f);
            FigureChart.Paint(canvas, ctx, new SKRect(area.Left, y, area.Right, y + h), series[s], $"figure {what} {s}");
            y += h + gap;
        }

        float pad = MathF.Max(4, 18 * m.U);
        for (int i = 0; i < rest.Count; i++)
        {
            var card = new SKRect(area.Left, y, area.Right, y + cardH);
            y += cardH + gap;
            using (var fill = PaintContext.Fill(ctx.Theme.Panel))
            {
                canvas.DrawRoundRect(card, 12 * m.U, 12 * m.U, fill);
            }

            using (var bar = PaintContext.Fill(ctx.Theme.Accent))
            {
                canvas.DrawRect(card.Left, card.Top, MathF.Max(2, 6 * m.U), card.Height, bar);
            }

            float valueH = card.Height * 0.5f;
            ctx.DrawFitted(canvas, rest[i].Value, new SKRect(card.Left + (pad * 1.5f), card.Top + (pad * 0.6f), card.Right - pad, card.Top + valueH), m.HeadingSize, m.MinText, ctx.Theme.Accent, $"figure {what} {i} value", bold: true);
            ctx.DrawFitted(canvas, rest[i].Label, new SKRect(card.Left + (pad * 1.5f), card.Top + valueH, card.Right - pad, card.Bottom - (pad * 0.4f)), m.SmallSize, m.MinText, ctx.Theme.Muted, $"figure {what} {i} label");
        }
    }
}
