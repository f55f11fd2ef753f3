using Kiosk.Render.Layout;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>The frame every screen shares: background, header with title and context, and the button hints.</summary>
internal static class Chrome
{
    public static void Background(SKCanvas canvas, PaintContext ctx) => canvas.Clear(ctx.Theme.Background);

    /// <summary>Draws the header and returns the content area below it (and above the hints).</summary>
    public static SKRect Header(SKCanvas canvas, PaintContext ctx, string title, string right, string? hint)
    {
        var m = ctx.M;
        using (var band = PaintContext.Fill(ctx.Theme.Panel))
        {
            canvas.DrawRect(0, 0, m.W, m.HeaderHeight, band);
        }

        using (var accent = PaintContext.Fill(ctx.Theme.Accent))
        {
            canvas.DrawRect(0, m.HeaderHeight - MathF.Max(2, 4 * m.U), m.W, MathF.Max(2, 4 * m.U), accent);
        }

        float pad = m.Margin;
        float rightWidth = right.Length == 0 ? 0 : MathF.Min(m.W * 0.4f, (ctx.Text.Measure(right, m.SmallSize) * 1.06f) + 6);
        float textHeight = m.HeaderHeight - MathF.Max(4, 12 * m.U);
        ctx.DrawFitted(canvas, title, new SKRect(pad, MathF.Max(2, 14 * m.U), m.W - pad - rightWidth - m.Gap, textHeight), m.HeadingSize, m.MinText, ctx.Theme.Text, "header title", bold: true);
        if (right.Length > 0)
        {
            ctx.DrawFitted(canvas, right, new SKRect(m.W - pad - rightWidth, MathF.Max(4, 26 * m.U), m.W - pad, textHeight), m.SmallSize, m.MinText, ctx.Theme.Muted, "header right", align: SKTextAlign.Right);
        }

        if (hint is not null && m.HintHeight > 0)
        {
            float bottom = m.H - m.HintHeight;
            using var bar = PaintContext.Fill(ctx.Theme.Panel);
            canvas.DrawRect(0, bottom, m.W, m.HintHeight, bar);
            ctx.DrawFitted(canvas, hint, new SKRect(pad, bottom + (m.HintHeight * 0.2f), m.W - pad, m.H - (m.HintHeight * 0.1f)), m.SmallSize, m.MinText, ctx.Theme.Muted, "hint", align: SKTextAlign.Center);
        }

        return Content(ctx, hint is not null);
    }

    /// <summary>The content area under the header (and above the hints, where the screen has them), without drawing.</summary>
    public static SKRect Content(PaintContext ctx, bool hint)
    {
        var m = ctx.M;
        float bottom = hint && m.HintHeight > 0 ? m.H - m.HintHeight : m.H;
        return new SKRect(m.Margin, m.HeaderHeight + m.Gap, m.W - m.Margin, bottom - m.Gap);
    }
}
