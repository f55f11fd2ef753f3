using Kiosk.Content.Model;
using Kiosk.Render.Layout;
using Kiosk.Render.Text;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>What every painter needs: the pack's content, the profile's metrics and the text engine.</summary>
public sealed class PaintContext(PackContent pack, Metrics metrics, TextEngine text)
{
    public PackContent Pack { get; } = pack;

    public Metrics M { get; } = metrics;

    public TextEngine Text { get; } = text;

    /// <summary>Text that did not fit even at the smallest size, by screen and field (tests keep this empty).</summary>
    public List<string> Overflows { get; } = [];

    public CaseStudy Case(int index) => Pack.Cases[Math.Clamp(index, 0, Pack.Cases.Count - 1)];

    /// <summary>Fits text into a box and draws it; records an overflow instead of clipping silently.</summary>
    public TextLayout DrawFitted(SKCanvas canvas, string text, SKRect box, float maxSize, float minSize, SKColor color, string what, bool bold = false, SKTextAlign align = SKTextAlign.Left)
    {
        var layout = Text.Fit(text, box.Width, box.Height, maxSize, minSize, bold);
        if (layout.Overflowed)
        {
            Overflows.Add($"{M.Profile.Name}: {what}");
        }

        using var paint = Fill(color);
        layout.Draw(canvas, box.Left, box.Top, paint, box.Width, align);
        return layout;
    }

    public static SKPaint Fill(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

    public static SKPaint Stroke(SKColor color, float width) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
}
