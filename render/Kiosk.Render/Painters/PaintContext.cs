using Kiosk.Content.Model;
using Kiosk.Render.Layout;
using Kiosk.Render.Text;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>What every painter needs: the pack's content, the profile's metrics, the theme and the text engine.</summary>
public sealed class PaintContext(PackContent pack, Metrics metrics, TextEngine text, Theme theme)
{
    public PackContent Pack { get; } = pack;

    public Metrics M { get; } = metrics;

    public TextEngine Text { get; } = text;

    public Theme Theme { get; } = theme;

    /// <summary>Text that did not fit even at the smallest size, by screen and field (tests keep this empty).</summary>
    public List<string> Overflows { get; } = [];

    /// <summary>How many of each phase's quotes (by case and phase index) its first page drew; the rest go on a second page.</summary>
    public Dictionary<(int Case, int Phase), int> QuotesShown { get; } = [];

    /// <summary>When set, every text run drawn is listed here (where and in which colour), for the contrast test.</summary>
    public List<DrawnText>? Runs { get; set; }

    /// <summary>When set, every map dot drawn is listed here (where it is on the frame), for the map-label test.</summary>
    public List<DrawnMark>? Marks { get; set; }

    /// <summary>The profile, and the theme when it is the large-text one: where an overflow happened.</summary>
    public string Where => Theme.IsLargeText ? $"{M.Profile.Name} large-text" : M.Profile.Name;

    public CaseStudy Case(int index) => Pack.Cases[Math.Clamp(index, 0, Pack.Cases.Count - 1)];

    /// <summary>Fits text into a box and draws it; records an overflow instead of clipping silently.</summary>
    public TextLayout DrawFitted(SKCanvas canvas, string text, SKRect box, float maxSize, float minSize, SKColor color, string what, bool bold = false, SKTextAlign align = SKTextAlign.Left)
    {
        var layout = Text.Fit(text, box.Width, box.Height, maxSize, minSize, bold);
        if (layout.Overflowed)
        {
            Overflows.Add($"{Where}: {what}");
        }

        Draw(canvas, layout, box.Left, box.Top, box.Width, color, what, align);
        return layout;
    }

    /// <summary>Draws an already fitted layout (and lists it when <see cref="Runs"/> is set).</summary>
    public void Draw(SKCanvas canvas, TextLayout layout, float x, float y, float width, SKColor color, string what, SKTextAlign align = SKTextAlign.Left)
    {
        using var paint = Fill(color);
        layout.Draw(canvas, x, y, paint, width, align);
        if (Runs is not null && layout.Lines.Count > 0)
        {
            float lw = MathF.Min(layout.Width, width <= 0 ? layout.Width : width);
            float left = align switch { SKTextAlign.Center => x + ((width - lw) / 2), SKTextAlign.Right => x + width - lw, _ => x };
            var origin = canvas.TotalMatrix.MapPoint(left, y);
            Runs.Add(new DrawnText(what, SKRect.Create(origin.X, origin.Y, lw, layout.Height), color, layout.Size));
        }
    }

    /// <summary>A mode's colour: the paper's own modes take the palette in order; context modes are one neutral grey.</summary>
    public SKColor ModeColor(CaseStudy c, int modeIndex)
    {
        if (modeIndex < 0 || modeIndex >= c.Modes.Count)
        {
            return Theme.ModeColor(0);
        }

        return c.Modes[modeIndex].Context ? Theme.Context : Theme.ModeColor(OwnIndex(c, modeIndex));
    }

    /// <summary>A mode's dash pattern: the paper's modes by their own order; context modes finely dotted.</summary>
    public static float[]? ModeDash(CaseStudy c, int modeIndex, float unit)
    {
        if (modeIndex >= 0 && modeIndex < c.Modes.Count && c.Modes[modeIndex].Context)
        {
            return [2 * unit, 6 * unit];
        }

        return Theme.ModeDash(OwnIndex(c, modeIndex), unit);
    }

    /// <summary>A mode's place among the paper's own modes (context modes skipped), so they take the palette in order.</summary>
    private static int OwnIndex(CaseStudy c, int modeIndex)
    {
        int own = 0;
        for (int i = 0; i < modeIndex && i < c.Modes.Count; i++)
        {
            own += c.Modes[i].Context ? 0 : 1;
        }

        return own;
    }

    public static SKPaint Fill(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

    public static SKPaint Stroke(SKColor color, float width) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
}

/// <summary>A round mark as drawn (a place's dot on a map): its centre on the frame and the radius it covers.</summary>
public readonly record struct DrawnMark(string What, SKPoint Centre, float Radius);

/// <summary>One text run as drawn: what it is, the box its lines cover on the frame, its colour and size.</summary>
public readonly record struct DrawnText(string What, SKRect Box, SKColor Color, float Size);
