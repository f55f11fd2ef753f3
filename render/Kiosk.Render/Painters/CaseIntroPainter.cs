using Kiosk.Render.Maps;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>A case's opening: where (a locator map), who wrote it, and its argument in one sentence.</summary>
internal static class CaseIntroPainter
{
    public static void Paint(SKCanvas canvas, PaintContext ctx, int caseIndex)
    {
        var m = ctx.M;
        var c = ctx.Case(caseIndex);
        Chrome.Background(canvas, ctx);
        string places = string.Join(" · ", c.Places.Take(4).Select(LocatorMap.Label));
        var area = Chrome.Header(canvas, ctx, c.Title, m.Compact ? string.Empty : HomePainter.Years(c), "Select or ▶: the timeline   ·   Back: all cases   ·   hold Home: glossary");

        // The map takes the right of the screen; on small panels it stops above the citation, which needs the width.
        float mapW = c.Places.Count == 0 ? 0 : area.Width * (m.Compact ? 0.36f : 0.38f);
        float citationH = m.Compact ? area.Height * 0.28f : m.SmallSize * 4.2f;
        var citationBox = new SKRect(area.Left, area.Bottom - citationH, area.Right, area.Bottom);
        if (mapW > 0)
        {
            var mapArea = new SKRect(area.Right - mapW, area.Top, area.Right, m.Compact ? citationBox.Top - (m.Gap * 0.5f) : area.Bottom);
            var view = LocatorMap.ViewAround(c.Places, mapArea.Width / mapArea.Height);
            // Small panels label only the first place (the others are dots); large ones label every place that fits.
            var markers = c.Places.Select((p, i) => new MapMarker(p.Lon, p.Lat, m.Compact && i > 0 ? string.Empty : m.Compact ? p.Name : LocatorMap.Label(p), i == 0 || c.Places.Count <= 4)).ToList();
            LocatorMap.Paint(canvas, ctx, mapArea, view, markers, $"intro {c.Id} map");
            area = new SKRect(area.Left, area.Top, area.Right - mapW - m.Gap, area.Bottom);
        }

        float y = area.Top;
        if (c.TitleZh is { } zh)
        {
            y += ctx.DrawFitted(canvas, zh, new SKRect(area.Left, y, area.Right, y + (m.HeadingSize * 1.5f)), m.HeadingSize, m.MinText, ctx.Theme.Accent, "intro title_zh").Height + (m.Gap * 0.5f);
        }

        y += ctx.DrawFitted(canvas, places, new SKRect(area.Left, y, area.Right, y + (m.BodySize * 2.7f)), m.BodySize, m.MinText, ctx.Theme.Muted, "intro places").Height + m.Gap;
        var quotes = c.Quotes.Where(q => q.Phase is null).ToList();
        float bottom = area.Bottom - citationH - m.Gap;
        var thesisBox = new SKRect(area.Left, y, area.Right, quotes.Count > 0 ? y + ((bottom - y) * 0.45f) : bottom);
        var thesis = ctx.DrawFitted(canvas, c.Thesis, thesisBox, m.TitleSize * 0.8f, m.MinText, ctx.Theme.Text, "intro thesis");
        if (quotes.Count > 0)
        {
            PullQuote.PaintAll(canvas, ctx, new SKRect(area.Left, y + thesis.Height + m.Gap, area.Right, bottom), c, quotes, $"intro {c.Id}");
        }

        string citation = CitationText.Full(c.Citation);
        ctx.DrawFitted(canvas, citation, m.Compact ? citationBox : new SKRect(area.Left, area.Bottom - citationH, area.Right, area.Bottom), m.SmallSize, m.MinText, ctx.Theme.Muted, "intro citation");
    }
}
