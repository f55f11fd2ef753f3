using Kiosk.Render.Layout;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>The idle loop's frame for one case: big title, its argument, and an invitation to press.</summary>
internal static class AttractPainter
{
    public static void Paint(SKCanvas canvas, PaintContext ctx, int caseIndex)
    {
        var m = ctx.M;
        var c = ctx.Case(caseIndex);
        canvas.Clear(Theme.Background);
        using (var band = PaintContext.Fill(Theme.Accent))
        {
            canvas.DrawRect(0, m.H - MathF.Max(4, 14 * m.U), m.W, MathF.Max(4, 14 * m.U), band);
        }

        var area = new SKRect(m.Margin * 1.5f, m.Margin, m.W - (m.Margin * 1.5f), m.H - (m.Margin * 1.2f));
        float y = area.Top;
        y += ctx.DrawFitted(canvas, ctx.Pack.Title, new SKRect(area.Left, y, area.Right, y + (m.BodySize * 1.5f)), m.BodySize, m.MinText, Theme.Muted, "attract pack title").Height + m.Gap;
        y += ctx.DrawFitted(canvas, c.Title, new SKRect(area.Left, y, area.Right, y + (area.Height * 0.3f)), m.TitleSize * 1.3f, m.MinText, Theme.Text, $"attract {c.Id} title", bold: true).Height + (m.Gap * 0.5f);
        if (c.TitleZh is { } zh)
        {
            y += ctx.DrawFitted(canvas, zh, new SKRect(area.Left, y, area.Right, y + (m.HeadingSize * 1.5f)), m.HeadingSize, m.MinText, Theme.Accent, $"attract {c.Id} zh").Height + m.Gap;
        }

        float inviteH = m.BodySize * 1.6f;
        ctx.DrawFitted(canvas, c.Thesis, new SKRect(area.Left, y, area.Right, area.Bottom - inviteH - m.Gap), m.HeadingSize, m.MinText, Theme.Text, $"attract {c.Id} thesis");
        ctx.DrawFitted(canvas, "Press any button to explore", new SKRect(area.Left, area.Bottom - inviteH, area.Right, area.Bottom), m.BodySize, m.MinText, Theme.Accent, "attract invite", bold: true);
    }
}
