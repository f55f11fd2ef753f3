using System.Globalization;
using Kiosk.Content.Model;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>
/// One phase of a case's timeline: the bar, the phase's title and story, the papers' voices (pull quotes) and
/// its key figures, comparable ones as a chart. Quotes that do not fit whole beside the story go on a page of
/// their own after it; on compact layouts (small panels) the charts do too, so their labels stay legible.
/// </summary>
internal static class PhasePainter
{
    /// <summary>What a page of a phase holds.</summary>
    internal enum PageKind
    {
        Story,
        Quotes,
        Numbers,
    }

    /// <summary>
    /// A phase's pages in the order Next steps through them: the story (with the quotes and figures that fit), the
    /// quotes the story had no room for (<paramref name="quotesShown"/>: how many it drew), and on compact layouts
    /// the phase's charts with its other figures.
    /// </summary>
    public static List<PageKind> Pages(PaintContext ctx, CaseStudy c, int phaseIndex, int quotesShown)
    {
        var pages = new List<PageKind> { PageKind.Story };
        if (quotesShown < Quotes(c, phaseIndex).Count)
        {
            pages.Add(PageKind.Quotes);
        }

        if (NumbersPage(ctx, c.Phases[phaseIndex]))
        {
            pages.Add(PageKind.Numbers);
        }

        return pages;
    }

    /// <summary>Compact layouts give a phase's charts a page of their own: a strip under the story is too small to read.</summary>
    private static bool NumbersPage(PaintContext ctx, Phase p) => ctx.M.Compact && FigureChart.Split(p.Figures).Series.Count > 0;

    /// <summary>The quotes drawn with a phase, in the case's order.</summary>
    public static List<Quote> Quotes(CaseStudy c, int phaseIndex) => c.Quotes.Where(q => q.Phase == c.Phases[phaseIndex].Id).ToList();

    public static void Paint(SKCanvas canvas, PaintContext ctx, int caseIndex, int phaseIndex, int page = 0)
    {
        var m = ctx.M;
        var c = ctx.Case(caseIndex);
        phaseIndex = Math.Clamp(phaseIndex, 0, c.Phases.Count - 1);
        var p = c.Phases[phaseIndex];
        Chrome.Background(canvas, ctx);
        // A second page says what it holds; a small panel's header has room for that or the case's title, not both.
        var quotes = Quotes(c, phaseIndex);
        var pages = Pages(ctx, c, phaseIndex, page == 0 ? 0 : ctx.QuotesShown.GetValueOrDefault((caseIndex, phaseIndex)));
        var kind = pages[Math.Clamp(page, 0, pages.Count - 1)];
        string holds = kind == PageKind.Numbers ? "in numbers" : "in their words";
        string position = kind == PageKind.Story ? string.Create(CultureInfo.InvariantCulture, $"Phase {phaseIndex + 1} of {c.Phases.Count}")
            : m.Compact ? string.Create(CultureInfo.InvariantCulture, $"Phase {phaseIndex + 1}/{c.Phases.Count}")
            : string.Create(CultureInfo.InvariantCulture, $"Phase {phaseIndex + 1} of {c.Phases.Count} · {holds}");
        var area = Chrome.Header(canvas, ctx, kind != PageKind.Story && m.Compact ? (kind == PageKind.Numbers ? "In numbers" : "In their words") : c.Title, position, "◀ ▶ phases   ·   Select: coupling diagram   ·   Back: case   ·   Home: all cases");
        float y = area.Top + Timeline.Paint(canvas, ctx, area, c, phaseIndex) + m.Gap;
        string what = $"{c.Id}/{p.Id}";
        if (kind == PageKind.Numbers)
        {
            // The phase's figures at the size of the page: its charts, then the figures that stand alone.
            string heading = $"{p.Years}  {p.Title}";
            y += ctx.DrawFitted(canvas, heading, new SKRect(area.Left, y, area.Right, y + (m.HeadingSize * 2.7f)), m.HeadingSize, m.MinText, ctx.Theme.Text, $"phase {what} numbers title", bold: true).Height + (m.Gap * 0.6f);
            var (charts, alone) = FigureChart.Split(p.Figures);
            PaintFigures(canvas, ctx, new SKRect(area.Left, y, area.Right, area.Bottom), charts, alone, what);
            return;
        }

        if (kind == PageKind.Quotes)
        {
            // The quotes the first page had no room for, under the phase's title so the visitor knows whose words.
            string heading = m.Compact ? $"{p.Years}  {p.Title}" : p.Title;
            y += ctx.DrawFitted(canvas, heading, new SKRect(area.Left, y, area.Right, y + (m.HeadingSize * 2.7f)), m.HeadingSize, m.MinText, ctx.Theme.Text, $"phase {what} page 2 title", bold: true).Height + (m.Gap * 0.6f);
            var left = quotes.Skip(ctx.QuotesShown.GetValueOrDefault((caseIndex, phaseIndex))).ToList();
            PullQuote.PaintAll(canvas, ctx, new SKRect(area.Left, y, area.Right, area.Bottom), c, left, $"phase {what} page 2");
            return;
        }

        var (series, rest) = FigureChart.Split(p.Figures);

        bool side = !m.Compact && p.Figures.Count > 0;
        float textRight = side ? area.Left + (area.Width * 0.62f) : area.Right;
        // Compact: one figure as a line under the story, unless the phase's figures have a page of their own.
        bool numbersPage = NumbersPage(ctx, p);
        float figuresH = m.Compact && p.Figures.Count > 0 && !numbersPage ? MathF.Max(28, m.BodySize * 2.7f) : 0;
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
        int shown = 0;
        if (quotes.Count > 0)
        {
            float top = y + bodyLayout.Height + (m.Gap * 0.9f);
            shown = PullQuote.PaintAll(canvas, ctx, new SKRect(area.Left, top, textRight, area.Bottom - figuresH - (figuresH > 0 ? m.Gap * 0.5f : 0)), c, quotes, $"phase {what}");
        }

        ctx.QuotesShown[(caseIndex, phaseIndex)] = shown;

        if (side)
        {
            PaintFigures(canvas, ctx, new SKRect(textRight + (m.Gap * 2), figuresTop, area.Right, area.Bottom), series, rest, what);
        }
        else if (figuresH > 0)
        {
            var strip = new SKRect(area.Left, area.Bottom - figuresH, area.Right, area.Bottom);
            var f = p.Figures[0];
            ctx.DrawFitted(canvas, $"{f.Value} · {f.Label}", strip, m.BodySize, m.MinText, ctx.Theme.Accent, $"phase {what} figure", bold: true);
        }
    }

    /// <summary>
    /// A compact page of numbers: each chart as tall as its rows need, then each figure that stands alone as one
    /// line ("472 · Financial firms anchored"), all those lines at one size.
    /// </summary>
    private static void PaintFiguresCompact(SKCanvas canvas, PaintContext ctx, SKRect area, List<List<KeyFigure>> series, List<KeyFigure> rest, string what)
    {
        var m = ctx.M;
        float gap = m.Gap * 0.6f;
        float lineH = m.BodySize * 1.3f;
        float restH = rest.Count * lineH;
        float chartsRoom = area.Height - restH - (rest.Count > 0 ? gap : 0) - (gap * Math.Max(0, series.Count - 1));
        float y = area.Top;
        for (int s = 0; s < series.Count; s++)
        {
            float h = MathF.Min(FigureChart.AcrossHeight(ctx, series[s].Count), chartsRoom / series.Count);
            FigureChart.Paint(canvas, ctx, new SKRect(area.Left, y, area.Right, y + h), series[s], $"figure {what} {s}");
            y += h + gap;
        }

        if (rest.Count == 0)
        {
            return;
        }

        lineH = MathF.Min(m.BodySize * 2.6f, (area.Bottom - y) / rest.Count);
        var texts = rest.Select(f => $"{f.Value} · {f.Label}").ToList();
        float size = texts.Min(t => ctx.Text.Fit(t, area.Width, lineH, m.BodySize, m.MinText, bold: true).Size);
        for (int i = 0; i < rest.Count; i++)
        {
            ctx.DrawFitted(canvas, texts[i], new SKRect(area.Left, y, area.Right, y + lineH), size, size, ctx.Theme.Accent, $"figure {what} {i}", bold: true);
            y += lineH;
        }
    }

    /// <summary>Charts first (each series its own), then a card per figure that stands alone.</summary>
    internal static void PaintFigures(SKCanvas canvas, PaintContext ctx, SKRect area, List<List<KeyFigure>> series, List<KeyFigure> rest, string what)
    {
        var m = ctx.M;
        float gap = m.Gap * 0.6f;
        if (m.Compact)
        {
            PaintFiguresCompact(canvas, ctx, area, series, rest, what);
            return;
        }

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
