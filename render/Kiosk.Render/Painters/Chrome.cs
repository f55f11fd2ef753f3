using Kiosk.Render.Layout;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>The frame every screen shares: background, header with title and context, and the button hints.</summary>
internal static class Chrome
{
    public static void Background(SKCanvas canvas, PaintContext ctx) => canvas.Clear(Theme.Background);

    /// <summary>Draws the header and returns the content area below it (and above the hints).</summary>
    public static SKRect Header(SKCanvas canvas, PaintContext ctx, string title, string right, string? hint)
    {
        var m = ctx.M;
        using (var band = PaintContext.Fill(Theme.Panel))
        {
            canvas.DrawRect(0, 0, m.W, m.HeaderHeight, band);
        }

        using (var accent = PaintContext.Fill(Theme.Accent))
        {
            canvas.DrawRect(0, m.HeaderHeight - MathF.Max(2, 4 * m.U), m.W, MathF.Max(2, 4 * m.U), accent);
        }

        float pad = m.Margin;
        float rightWidth = right.Length == 0 ? 0 : MathF.Min(m.W * 0.4f, (ctx.Text.Measure(right, m.SmallSize) * 1.06f) + 6);
        float textHeight = m.HeaderHeight - MathF.Max(4, 12 * m.U);
        ctx.DrawFitted(canvas, title, new SKRect(pad, MathF.Max(2, 14 * m.U), m.W - pad - rightWidth - m.Gap, textHeight), m.HeadingSize, m.MinText, Theme.Text, "header title", bold: true);
        if (right.Length > 0)
        {
            ctx.DrawFitted(canvas, right, new SKRect(m.W - pad - rightWidth, MathF.Max(4, 26 * m.U), m.W - pad, textHeight), m.SmallSize, m.MinText, Theme.Muted, "header right", align: SKTextAlign.Right);
        }

        float bottom = m.H;
        if (hint is not null && m.HintHeight > 0)
        {
            bottom = m.H - m.HintHeight;
            using var bar = PaintContext.Fill(Theme.Panel);
            canvas.DrawRect(0, bottom, m.W, m.HintHeight, bar);
            ctx.DrawFitted(canvas, hint, new SKRect(pad, bottom + (m.HintHeight * 0.2f), m.W - pad, m.H - (m.HintHeight * 0.1f)), m.SmallSize, m.MinText, Theme.Muted, "hint", align: SKTextAlign.Center);
        }

        return new SKRect(pad, m.HeaderHeight + m.Gap, m.W - pad, bottom - m.Gap);
    }
}
