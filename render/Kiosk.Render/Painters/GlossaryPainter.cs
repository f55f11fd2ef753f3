using Kiosk.Render.Maps;
using Kiosk.Render.Layout;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>
/// A case's concepts and citation, or (case -1) about the exhibit: every case with its source. Small panels show
/// the terms only; their definitions need a screen that can hold them.
/// </summary>
internal static class GlossaryPainter
{
    public static void Paint(SKCanvas canvas, PaintContext ctx, int caseIndex)
    {
        var m = ctx.M;
        Chrome.Background(canvas, ctx);
        if (caseIndex < 0)
        {
            PaintAbout(canvas, ctx);
            return;
        }

        var c = ctx.Case(caseIndex);
        var area = Chrome.Header(canvas, ctx, $"Glossary · {c.Title}", string.Empty, "Back, Select or Home: return");
        float citationH = m.Compact ? 0 : m.SmallSize * 2.8f;
        var list = new SKRect(area.Left, area.Top, area.Right, area.Bottom - citationH);
        int columns = m.Compact ? 1 : 2;
        int perColumn = (c.Glossary.Count + columns - 1) / columns;
        float colW = (list.Width - (m.Gap * (columns - 1))) / columns;
        // Both columns share one text size (the smaller of their best fits), so the page reads as one glossary.
        var texts = new string[columns];
        var boxes = new SKRect[columns];
        float size = m.BodySize;
        for (int col = 0; col < columns; col++)
        {
            var entries = c.Glossary.Skip(col * perColumn).Take(perColumn).ToList();
            boxes[col] = new SKRect(list.Left + (col * (colW + m.Gap)), list.Top, list.Left + (col * (colW + m.Gap)) + colW, list.Bottom);
            texts[col] = m.Compact
                ? string.Join("\n", entries.Select(e => e.TermZh is null ? "• " + e.Term : $"• {e.Term} {e.TermZh}"))
                : string.Join("\n", entries.Select(e => $"{e.Term}{(e.TermZh is null ? string.Empty : " " + e.TermZh)}: {e.Definition}"));
            size = MathF.Min(size, ctx.Text.Fit(texts[col], boxes[col].Width, boxes[col].Height, m.BodySize, m.Legible(m.MinText * 0.9f)).Size);
        }

        for (int col = 0; col < columns; col++)
        {
            ctx.DrawFitted(canvas, texts[col], boxes[col], size, m.Legible(m.MinText * 0.9f), ctx.Theme.Text, $"glossary {c.Id} column {col}");
        }

        if (citationH > 0)
        {
            ctx.DrawFitted(canvas, $"Source: {CitationText.Full(c.Citation)}", new SKRect(area.Left, area.Bottom - citationH, area.Right, area.Bottom), m.SmallSize, m.MinText, ctx.Theme.Muted, $"glossary {c.Id} citation");
        }
    }

    private static void PaintAbout(SKCanvas canvas, PaintContext ctx)
    {
        var m = ctx.M;
        var area = Chrome.Header(canvas, ctx, $"About · {ctx.Pack.Title}", string.Empty, "Back, Select or Home: return");

        // Where the five cases happen: one marker per case at its first place, numbered as on the home screen.
        var located = ctx.Pack.Cases.Where(c => c.Places.Count > 0).ToList();
        if (located.Count > 0)
        {
            float mapW = area.Width * (m.Compact ? 0.42f : 0.4f);
            var mapArea = new SKRect(area.Right - mapW, area.Top, area.Right, area.Bottom);
            var view = LocatorMap.ViewAround(located.SelectMany(c => c.Places), mapArea.Width / mapArea.Height, 16);
            var markers = located.Select(c => new MapMarker(c.Places[0].Lon, c.Places[0].Lat, m.Compact ? $"{c.Order}" : $"{c.Order} {LocatorMap.Label(c.Places[0])}", true)).ToList();
            LocatorMap.Paint(canvas, ctx, mapArea, view, markers, "about map");
            area = new SKRect(area.Left, area.Top, area.Right - mapW - m.Gap, area.Bottom);
        }

        string text = string.Join("\n", ctx.Pack.Cases.Select(c => m.Compact
            ? $"{c.Order}. {c.Title} ({c.Citation.Year})"
            : $"{c.Order}. {c.Title}: {CitationText.WithJournal(c.Citation)}."));
        ctx.DrawFitted(canvas, text + (m.Compact ? string.Empty : "\n\nEvery text here is written in the exhibit's own words from these papers; quotations are marked."), area, m.BodySize, m.Legible(m.MinText * 0.9f), ctx.Theme.Text, "about");
    }
}
