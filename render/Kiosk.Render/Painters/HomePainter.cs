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
        var cards = Enumerable.Range(0, cases.Count).Select(i => new SKRect(area.Left + (i * (cardW + gap)), area.Top, area.Left + (i * (cardW + gap)) + cardW, area.Bottom)).ToList();
        var grid = CardGrid.Measure(ctx, Inner(ctx, cards[0]), cases);
        for (int i = 0; i < cases.Count; i++)
        {
            PaintCard(canvas, ctx, cards[i], cases[i], i == selected, grid);
        }
    }

    private static SKRect Inner(PaintContext ctx, SKRect card)
    {
        float pad = MathF.Max(6, 28 * ctx.M.U);
        return new SKRect(card.Left + pad, card.Top + pad, card.Right - pad, card.Bottom - pad);
    }

    /// <summary>
    /// What every card shares: one size for all titles (the largest at which every title fits), one for the
    /// Chinese titles, one for the theses, and the height of each block, so the cards read as a row of equals
    /// (no case looks more important because its title is shorter) and their parts line up.
    /// </summary>
    private readonly record struct CardGrid(float NumberH, float TitleSize, float TitleH, float ZhSize, float ZhH, float PlacesSize, float PlacesH, float ThesisSize)
    {
        public static CardGrid Measure(PaintContext ctx, SKRect inner, IReadOnlyList<CaseStudy> cases)
        {
            var m = ctx.M;
            float w = inner.Width;
            float numberH = ctx.Text.Fit("0", w, m.TitleSize * 1.4f, m.TitleSize, m.MinText, bold: true).Height;
            float titleSize = OneSize(ctx, cases.Select(c => c.Title), new SKSize(w, inner.Height * 0.34f), m.HeadingSize, bold: true);
            float titleH = cases.Max(c => ctx.Text.Fit(c.Title, w, 10_000, titleSize, titleSize, bold: true).Height) + (m.Gap * 0.5f);
            var zh = cases.Select(c => c.TitleZh).OfType<string>().ToList();
            float zhSize = OneSize(ctx, zh, new SKSize(w, m.BodySize * 2.6f), m.BodySize, bold: false);
            float zhH = zh.Count == 0 ? 0 : zh.Max(t => ctx.Text.Fit(t, w, 10_000, zhSize, zhSize).Height) + (m.Gap * 0.5f);
            // In large text the card keeps its number, title and thesis; places and years are on the case's intro.
            float placesSize = OneSize(ctx, cases.Select(Places), new SKSize(w, m.SmallSize * 5.2f), m.SmallSize, bold: false);
            float placesH = ctx.Theme.IsLargeText ? 0 : cases.Max(c => ctx.Text.Fit(Places(c), w, 10_000, placesSize, placesSize).Height) + m.Gap;
            float thesisH = inner.Height - numberH - titleH - zhH - placesH;
            float thesisSize = OneSize(ctx, cases.Select(c => c.Thesis), new SKSize(w, thesisH), m.SmallSize, bold: false);
            return new CardGrid(numberH, titleSize, titleH, zhSize, zhH, placesSize, placesH, thesisSize);
        }
    }

    private static string Places(CaseStudy c) => $"{string.Join(" · ", c.Places.Take(3).Select(p => p.Name))}\n{Years(c)}";

    /// <summary>The largest size, at most <paramref name="max"/>, at which every text fits its box whole.</summary>
    private static float OneSize(PaintContext ctx, IEnumerable<string> texts, SKSize box, float max, bool bold)
    {
        float size = max;
        foreach (string t in texts)
        {
            size = MathF.Min(size, ctx.Text.Fit(t, box.Width, box.Height, max, ctx.M.MinText, bold).Size);
        }

        return size;
    }

    private static void PaintCard(SKCanvas canvas, PaintContext ctx, SKRect card, CaseStudy c, bool selected, CardGrid g)
    {
        var m = ctx.M;
        float r = 18 * m.U;
        using (var fill = PaintContext.Fill(selected ? ctx.Theme.PanelHighlight : ctx.Theme.Panel))
        {
            canvas.DrawRoundRect(card, r, r, fill);
        }

        if (selected)
        {
            using var border = PaintContext.Stroke(ctx.Theme.Accent, MathF.Max(2, 6 * m.U));
            canvas.DrawRoundRect(card, r, r, border);
        }

        var inner = Inner(ctx, card);
        float y = inner.Top;
        SKRect Block(float h) => new(inner.Left, y, inner.Right, y + h);
        ctx.DrawFitted(canvas, c.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), Block(m.TitleSize * 1.4f), m.TitleSize, m.MinText, selected ? ctx.Theme.Accent : ctx.Theme.Muted, $"home {c.Id} number", bold: true);
        y += g.NumberH;
        ctx.DrawFitted(canvas, c.Title, Block(g.TitleH), g.TitleSize, g.TitleSize, ctx.Theme.Text, $"home {c.Id} title", bold: true);
        y += g.TitleH;
        if (c.TitleZh is { } zh)
        {
            ctx.DrawFitted(canvas, zh, Block(g.ZhH), g.ZhSize, g.ZhSize, ctx.Theme.Text, $"home {c.Id} title_zh");
        }

        y += g.ZhH;
        if (g.PlacesH > 0)
        {
            ctx.DrawFitted(canvas, Places(c), Block(g.PlacesH), g.PlacesSize, g.PlacesSize, ctx.Theme.Muted, $"home {c.Id} places");
            y += g.PlacesH;
        }

        ctx.DrawFitted(canvas, c.Thesis, new SKRect(inner.Left, y, inner.Right, inner.Bottom), g.ThesisSize, g.ThesisSize, ctx.Theme.Text, $"home {c.Id} thesis");
    }

    private static void PaintList(SKCanvas canvas, PaintContext ctx, SKRect area, IReadOnlyList<CaseStudy> cases, int selected)
    {
        var m = ctx.M;
        float rowH = area.Height / cases.Count;
        SKRect Text(SKRect row) => new(row.Left + MathF.Max(8, 24 * m.U), row.Top + (row.Height * 0.12f), row.Right - 4, row.Bottom - (row.Height * 0.05f));
        SKRect Row(int i) => new(area.Left, area.Top + (i * rowH), area.Right, area.Top + ((i + 1) * rowH) - MathF.Max(2, 6 * m.U));
        // One size for every row, measured in bold (the highlighted row's weight) so a row never grows when chosen.
        var box = Text(Row(0));
        float size = OneSize(ctx, cases.Select(Entry), box.Size, m.BodySize, bold: true);
        for (int i = 0; i < cases.Count; i++)
        {
            var row = Row(i);
            using (var fill = PaintContext.Fill(i == selected ? ctx.Theme.PanelHighlight : ctx.Theme.Panel))
            {
                canvas.DrawRect(row, fill);
            }

            if (i == selected)
            {
                using var bar = PaintContext.Fill(ctx.Theme.Accent);
                canvas.DrawRect(row.Left, row.Top, MathF.Max(3, 8 * m.U), row.Height, bar);
            }

            ctx.DrawFitted(canvas, Entry(cases[i]), Text(row), size, size, i == selected ? ctx.Theme.Text : ctx.Theme.Muted, $"home list {cases[i].Id}", bold: i == selected);
        }
    }

    private static string Entry(CaseStudy c) => $"{c.Order}  {c.Title}";

    internal static string Years(CaseStudy c)
    {
        var first = c.Phases[0];
        var last = c.Phases[^1];
        return last.EndYear is { } end ? $"{first.StartYear}–{end}" : $"{first.StartYear}–today";
    }
}
