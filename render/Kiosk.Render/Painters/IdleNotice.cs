using System.Globalization;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>
/// The warning before the idle time limit ends (WCAG 2.2.1): a box over the middle of whatever is on screen,
/// counting down the seconds until the exhibit starts over, and saying that any button keeps the visitor there.
/// </summary>
internal static class IdleNotice
{
    public static void Paint(SKCanvas canvas, PaintContext ctx, int seconds)
    {
        var m = ctx.M;
        using (var dim = PaintContext.Fill(ctx.Theme.Background.WithAlpha(170)))
        {
            canvas.DrawRect(0, 0, m.W, m.H, dim);
        }

        float w = MathF.Min(m.W - (m.Margin * 2), MathF.Max(m.W * 0.55f, 260 * m.TextScale));
        float h = MathF.Min(m.H - (m.Margin * 2), MathF.Max(m.H * 0.32f, 110 * m.TextScale));
        var box = SKRect.Create((m.W - w) / 2, (m.H - h) / 2, w, h);
        float r = MathF.Max(4, 18 * m.U);
        using (var fill = PaintContext.Fill(ctx.Theme.Panel))
        {
            canvas.DrawRoundRect(box, r, r, fill);
        }

        using (var border = PaintContext.Stroke(ctx.Theme.Accent, MathF.Max(2, 5 * m.U)))
        {
            canvas.DrawRoundRect(box, r, r, border);
        }

        float pad = MathF.Max(8, 32 * m.U);
        var inner = new SKRect(box.Left + pad, box.Top + pad, box.Right - pad, box.Bottom - pad);
        string title = string.Create(CultureInfo.InvariantCulture, $"Starting over in {seconds} s");
        var t = ctx.DrawFitted(canvas, title, new SKRect(inner.Left, inner.Top, inner.Right, inner.Top + (inner.Height * 0.5f)), m.TitleSize * 0.8f, m.MinText, ctx.Theme.Accent, "idle notice title", bold: true, align: SKTextAlign.Center);
        ctx.DrawFitted(canvas, "Press any button to stay here.", new SKRect(inner.Left, inner.Top + t.Height + (pad * 0.3f), inner.Right, inner.Bottom), m.BodySize, m.MinText, ctx.Theme.Text, "idle notice body", align: SKTextAlign.Center);
    }
}
