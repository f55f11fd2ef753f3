using System.Globalization;
using Kiosk.Render.Layout;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>One phase of a case's timeline: the bar, the phase's title and story, and its key figures.</summary>
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

        bool sideFigures = !m.Compact && p.Figures.Count > 0;
        float textRight = sideFigures ? area.Left + (area.Width * 0.64f) : area.Right;
        float figuresH = m.Compact && p.Figures.Count > 0 ? MathF.Max(28, m.BodySize * 2.7f) : 0;
        float titleH = m.HeadingSize * 2.7f;
        string title = m.Compact ? $"{p.Years}  {p.Title}" : p.Title;
        y += ctx.DrawFitted(canvas, title, new SKRect(area.Left, y, textRight, y + titleH), m.HeadingSize, m.MinText, Theme.Text, $"phase {c.Id}/{p.Id} title", bold: true).Height + (m.Gap * 0.6f);
        string body = m.Compact ? p.Short : p.Summary;
        ctx.DrawFitted(canvas, body, new SKRect(area.Left, y, textRight, area.Bottom - figuresH), m.BodySize, m.MinText, Theme.Text, $"phase {c.Id}/{p.Id} {(m.Compact ? "short" : "summary")}");

        if (sideFigures)
        {
            PaintFigureCards(canvas, ctx, new SKRect(textRight + (m.Gap * 2), y, area.Right, area.Bottom), p.Figures, $"{c.Id}/{p.Id}");
        }
        else if (figuresH > 0)
        {
            var f = p.Figures[0];
            ctx.DrawFitted(canvas, $"{f.Value} · {f.Label}", new SKRect(area.Left, area.Bottom - figuresH, area.Right, area.Bottom), m.BodySize, m.MinText, Theme.Accent, $"phase {c.Id}/{p.Id} figure", bold: true);
        }
    }

    private static void PaintFigureCards(SKCanvas canvas, PaintContext ctx, SKRect area, IReadOnlyList<Content.Model.KeyFigure> figures, string what)
    {
        var m = ctx.M;
        float gap = m.Gap * 0.6f;
        float cardH = MathF.Min((area.Height - (gap * (figures.Count - 1))) / figures.Count, m.HeadingSize * 3.6f);
        float pad = MathF.Max(4, 18 * m.U);
        for (int i = 0; i < figures.Count; i++)
        {
            var card = new SKRect(area.Left, area.Top + (i * (cardH + gap)), area.Right, area.Top + (i * (cardH + gap)) + cardH);
            using (var fill = PaintContext.Fill(Theme.Panel))
            {
                canvas.DrawRoundRect(card, 12 * m.U, 12 * m.U, fill);
            }

            using (var bar = PaintContext.Fill(Theme.Accent))
            {
                canvas.DrawRect(card.Left, card.Top, MathF.Max(2, 6 * m.U), card.Height, bar);
            }

            float valueH = card.Height * 0.5f;
            ctx.DrawFitted(canvas, figures[i].Value, new SKRect(card.Left + (pad * 1.5f), card.Top + pad * 0.6f, card.Right - pad, card.Top + valueH), m.HeadingSize, m.MinText, Theme.Accent, $"figure {what} {i} value", bold: true);
            ctx.DrawFitted(canvas, figures[i].Label, new SKRect(card.Left + (pad * 1.5f), card.Top + valueH, card.Right - pad, card.Bottom - (pad * 0.4f)), m.SmallSize, m.MinText, Theme.Muted, $"figure {what} {i} label");
        }
    }
}
