using Kiosk.Content.Model;
using Kiosk.Render.Layout;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>The case chooser: one card per case, the highlighted one in the accent colour.</summary>
internal static class HomePainter
{
    public static void Paint(SKCanvas canvas, PaintContext ctx, int selected)
    {
        var m = ctx.M;
        Chrome.Background(canvas, ctx);
        var area = Chrome.Header(canvas, ctx, ctx.Pack.Title, m.Compact ? string.Empty : "Choose a case", "◀ ▶ choose   ·   Select: open   ·   hold Home: about");
        var cases = ctx.Pack.Cases;
        if (m.Compact || m.W < m.H * 1.4f)
        {
            PaintList(canvas, ctx, area, cases, selected);
            return;
        }

        float gap = m.Gap;
        float cardW = (area.Width - (gap * (cases.Count - 1))) / cases.Count;
        for (int i = 0; i < cases.Count; i++)
        {
            var card = new SKRect(area.Left + (i * (cardW + gap)), area.Top, area.Left + (i * (cardW + gap)) + cardW, area.Bottom);
            PaintCard(canvas, ctx, card, cases[i], i == selected);
        }
    }

    private static void PaintCard(SKCanvas canvas, PaintContext ctx, SKRect card, CaseStudy c, bool selected)
    {
        var m = ctx.M;
        float r = 18 * m.U;
        using (var fill = PaintContext.Fill(selected ? Theme.PanelHighlight : Theme.Panel))
        {
            canvas.DrawRoundRect(card, r, r, fill);
        }

        if (selected)
        {
            using var border = PaintContext.Stroke(Theme.Accent, MathF.Max(2, 6 * m.U));
            canvas.DrawRoundRect(card, r, r, border);
        }

        float pad = MathF.Max(6, 28 * m.U);
        var inner = new SKRect(card.Left + pad, card.Top + pad, card.Right - pad, card.Bottom - pad);
        float y = inner.Top;
        y += ctx.DrawFitted(canvas, c.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), new SKRect(inner.Left, y, inner.Right, y + (m.TitleSize * 1.4f)), m.TitleSize, m.MinText, selected ? Theme.Accent : Theme.Muted, $"home {c.Id} number", bold: true).Height;
        y += ctx.DrawFitted(canvas, c.Title, new SKRect(inner.Left, y, inner.Right, y + (inner.Height * 0.34f)), m.HeadingSize, m.MinText, Theme.Text, $"home {c.Id} title", bold: true).Height + m.Gap * 0.5f;
        if (c.TitleZh is { } zh)
        {
            y += ctx.DrawFitted(canvas, zh, new SKRect(inner.Left, y, inner.Right, y + (m.BodySize * 2.6f)), m.BodySize, m.MinText, Theme.Text, $"home {c.Id} title_zh").Height + m.Gap * 0.5f;
        }

        string span = Years(c);
        string places = string.Join(" · ", c.Places.Take(3).Select(p => p.Name));
        y += ctx.DrawFitted(canvas, $"{places}\n{span}", new SKRect(inner.Left, y, inner.Right, y + (m.SmallSize * 5.2f)), m.SmallSize, m.MinText, Theme.Muted, $"home {c.Id} places").Height + m.Gap;
        ctx.DrawFitted(canvas, c.Thesis, new SKRect(inner.Left, y, inner.Right, inner.Bottom), m.SmallSize, m.MinText, Theme.Text, $"home {c.Id} thesis");
    }

    private static void PaintList(SKCanvas canvas, PaintContext ctx, SKRect area, IReadOnlyList<CaseStudy> cases, int selected)
    {
        var m = ctx.M;
        float rowH = area.Height / cases.Count;
        for (int i = 0; i < cases.Count; i++)
        {
            var row = new SKRect(area.Left, area.Top + (i * rowH), area.Right, area.Top + ((i + 1) * rowH) - MathF.Max(2, 6 * m.U));
            using (var fill = PaintContext.Fill(i == selected ? Theme.PanelHighlight : Theme.Panel))
            {
                canvas.DrawRect(row, fill);
            }

            if (i == selected)
            {
                using var bar = PaintContext.Fill(Theme.Accent);
                canvas.DrawRect(row.Left, row.Top, MathF.Max(3, 8 * m.U), row.Height, bar);
            }

            var text = new SKRect(row.Left + MathF.Max(8, 24 * m.U), row.Top + (row.Height * 0.12f), row.Right - 4, row.Bottom - (row.Height * 0.05f));
            ctx.DrawFitted(canvas, $"{cases[i].Order}  {cases[i].Title}", text, m.BodySize, m.MinText, i == selected ? Theme.Text : Theme.Muted, $"home list {cases[i].Id}", bold: i == selected);
        }
    }

    internal static string Years(CaseStudy c)
    {
        var first = c.Phases[0];
        var last = c.Phases[^1];
        return last.EndYear is { } end ? $"{first.StartYear}–{end}" : $"{first.StartYear}–today";
    }
}
