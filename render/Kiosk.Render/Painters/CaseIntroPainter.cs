using Kiosk.Render.Layout;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>A case's opening: where, who wrote it, and its argument in one sentence.</summary>
internal static class CaseIntroPainter
{
    public static void Paint(SKCanvas canvas, PaintContext ctx, int caseIndex)
    {
        var m = ctx.M;
        var c = ctx.Case(caseIndex);
        Chrome.Background(canvas, ctx);
        string places = string.Join(" · ", c.Places.Take(4).Select(p => p.NameZh is null ? p.Name : $"{p.Name} {p.NameZh}"));
        var area = Chrome.Header(canvas, ctx, c.Title, m.Compact ? string.Empty : HomePainter.Years(c), "Select or ▶: the timeline   ·   Back: all cases   ·   hold Home: glossary");
        float y = area.Top;
        if (c.TitleZh is { } zh)
        {
            y += ctx.DrawFitted(canvas, zh, new SKRect(area.Left, y, area.Right, y + (m.HeadingSize * 1.5f)), m.HeadingSize, m.MinText, Theme.Accent, "intro title_zh").Height + (m.Gap * 0.5f);
        }

        y += ctx.DrawFitted(canvas, places, new SKRect(area.Left, y, area.Right, y + (m.BodySize * 2.7f)), m.BodySize, m.MinText, Theme.Muted, "intro places").Height + m.Gap;
        float citationH = m.Compact ? area.Height * 0.28f : m.SmallSize * 4.2f;
        var thesisBox = new SKRect(area.Left, y, area.Right, area.Bottom - citationH - m.Gap);
        ctx.DrawFitted(canvas, c.Thesis, thesisBox, m.TitleSize * 0.8f, m.MinText, Theme.Text, "intro thesis");
        var ci = c.Citation;
        string citation = $"{string.Join(", ", ci.Authors)} ({ci.Year}). {ci.Title}. {ci.Journal}{(ci.Volume is null ? string.Empty : " " + ci.Volume)}.";
        ctx.DrawFitted(canvas, citation, new SKRect(area.Left, area.Bottom - citationH, area.Right, area.Bottom), m.SmallSize, m.MinText, Theme.Muted, "intro citation");
    }
}
