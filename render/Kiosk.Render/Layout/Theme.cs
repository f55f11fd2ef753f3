using SkiaSharp;

namespace Kiosk.Render.Layout;

/// <summary>The exhibit's colours: dark, calm panels with one warm accent, legible across a gallery.</summary>
public static class Theme
{
    public static readonly SKColor Background = new(0x0F, 0x17, 0x20);
    public static readonly SKColor Panel = new(0x18, 0x23, 0x30);
    public static readonly SKColor PanelHighlight = new(0x24, 0x33, 0x44);
    public static readonly SKColor Text = new(0xF3, 0xEF, 0xE6);
    public static readonly SKColor Muted = new(0x9A, 0xA7, 0xB4);
    public static readonly SKColor Accent = new(0xE9, 0xA2, 0x3B);
    public static readonly SKColor BandA = new(0x13, 0x1C, 0x27);
    public static readonly SKColor BandB = new(0x17, 0x21, 0x2D);
    public static readonly SKColor Node = new(0x26, 0x36, 0x48);
    public static readonly SKColor NodeBorder = new(0x5B, 0x6E, 0x82);

    /// <summary>One colour per coupling mode, in the order the case lists its modes.</summary>
    public static readonly SKColor[] Modes =
    [
        new(0xE9, 0xA2, 0x3B), // amber
        new(0x4F, 0xB3, 0xBF), // teal
        new(0xD0, 0x6A, 0x8A), // rose
        new(0x94, 0xC4, 0x5E), // green
        new(0x9D, 0x8C, 0xEB), // violet
        new(0xD9, 0xD3, 0x6A), // straw
    ];

    public static SKColor ModeColor(int modeIndex) => Modes[Math.Abs(modeIndex) % Modes.Length];

    /// <summary>Dash pattern per mode (null = solid), so modes stay distinct for colour-blind visitors too.</summary>
    public static float[]? ModeDash(int modeIndex, float unit) => (modeIndex % 3) switch
    {
        0 => null,
        1 => [14 * unit, 9 * unit],
        _ => [4 * unit, 7 * unit],
    };

    public static SKColor Lerp(SKColor a, SKColor b, float t) => new(
        (byte)(a.Red + ((b.Red - a.Red) * t)),
        (byte)(a.Green + ((b.Green - a.Green) * t)),
        (byte)(a.Blue + ((b.Blue - a.Blue) * t)),
        (byte)(a.Alpha + ((b.Alpha - a.Alpha) * t)));
}
