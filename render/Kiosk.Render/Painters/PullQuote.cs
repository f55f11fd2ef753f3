using Kiosk.Content.Model;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>
/// The papers' voices: a verified quotation set off by an accent bar, with who said it (a role) and the paper.
/// A quote is drawn only where it fits whole at a legible size; one that does not is left out, never cut.
/// </summary>
internal static class PullQuote
{
    /// <summary>Draws as many of the quotes as fit whole, in order, top down; returns how many it drew.</summary>
    public static int PaintAll(SKCanvas canvas, PaintContext ctx, SKRect area, CaseStudy c, IReadOnlyList<Quote> quotes, string what)
    {
        var m = ctx.M;
        float y = area.Top;
        for (int i = 0; i < quotes.Count; i++)
        {
            float h = Paint(canvas, ctx, new SKRect(area.Left, y, area.Right, area.Bottom), c, quotes[i], $"{what} quote {i}");
            if (h <= 0)
            {
                return i;
            }

            y += h + (m.Gap * 0.7f);
        }

        return quotes.Count;
    }

    /// <summary>Draws one quote at the top of the area if it fits whole; returns its height, or 0 when left out.</summary>
    public static float Paint(SKCanvas canvas, PaintContext ctx, SKRect area, CaseStudy c, Quote q, string what)
    {
        var m = ctx.M;
        float bar = MathF.Max(2, 6 * m.U);
        float indent = bar + MathF.Max(6, 22 * m.U);
        float width = area.Width - indent;
        if (width < 40 || area.Height < m.MinText * 3)
        {
            return 0;
        }

        string text = $"“{q.Text}”";
        string by = $"— {Attribution(q, c.Citation)}";
        float quoteMax = m.Compact ? m.BodySize : m.BodySize * 1.05f;
        var byLayout = ctx.Text.Fit(by, width, area.Height, m.SmallSize, m.MinText);
        var quoteLayout = ctx.Text.Fit(text, width, area.Height - byLayout.Height - 2, quoteMax, m.MinText);
        if (quoteLayout.Overflowed || byLayout.Overflowed)
        {
            return 0;
        }

        float height = quoteLayout.Height + byLayout.Height + 2;
        using (var accent = PaintContext.Fill(ctx.Theme.Accent))
        {
            canvas.DrawRect(area.Left, area.Top + 2, bar, height - 4, accent);
        }

        ctx.Draw(canvas, quoteLayout, area.Left + indent, area.Top, width, ctx.Theme.Text, $"{what} text");
        ctx.Draw(canvas, byLayout, area.Left + indent, area.Top + quoteLayout.Height + 2, width, ctx.Theme.Muted, $"{what} by");
        return height;
    }

    /// <summary>"a Kunshan official, in Fu &amp; Lim (2022)"; the paper's authors are named only as the paper.</summary>
    public static string Attribution(Quote q, Citation ci)
    {
        string paper = CitationText.Paper(ci);
        string by = q.By.Trim();
        return by.Length == 0 || by.Equals("the authors", StringComparison.OrdinalIgnoreCase) || by.Equals("the author", StringComparison.OrdinalIgnoreCase)
            ? paper
            : $"{by}, in {paper}";
    }
}
