using System.Globalization;

namespace Kiosk.Render.Profiles;

/// <summary>
/// A display size and the layout family it gets. Small SPI panels get a compact layout (short texts, fewer
/// decorations), not a scaled-down HDMI screen.
/// </summary>
public sealed record DisplayProfile(string Name, int Width, int Height)
{
    public static readonly DisplayProfile Hdmi = new("1920x1080", 1920, 1080);
    public static readonly DisplayProfile Touch = new("800x480", 800, 480);
    public static readonly DisplayProfile Spi480 = new("480x320", 480, 320);
    public static readonly DisplayProfile Spi320 = new("320x240", 320, 240);

    public static IReadOnlyList<DisplayProfile> Known { get; } = [Hdmi, Touch, Spi480, Spi320];

    /// <summary>Below this height there is no room for a summary paragraph: the one-line <c>short</c> is shown.</summary>
    public bool IsCompact => Height < 400;

    /// <summary>
    /// Whether the large-text mode is offered: at 1.5x the legible minimum a 240-line panel holds too little of a
    /// screen, so panels under 320 lines stay in the normal theme.
    /// </summary>
    public bool SupportsLargeText => Height >= 320;

    /// <summary>Base unit of the layout: 1 at 1080 lines, so sizes read as if designed for HDMI.</summary>
    public float Unit => Math.Min(Width / 1920f, Height / 1080f);

    public static DisplayProfile Parse(string text)
    {
        var known = Known.FirstOrDefault(p => p.Name == text);
        if (known is not null)
        {
            return known;
        }

        string[] parts = text.Split('x');
        if (parts.Length == 2 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int w) &&
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int h) &&
            w is >= 160 and <= 7680 && h is >= 120 and <= 4320)
        {
            return new DisplayProfile(text, w, h);
        }

        throw new FormatException($"'{text}' is not a display profile (write WIDTHxHEIGHT, e.g. 1920x1080, 800x480, 480x320, 320x240)");
    }
}
