using SkiaSharp;

namespace Kiosk.Render.Layout;

/// <summary>
/// The exhibit's colours: dark, calm panels with one warm accent, legible across a gallery. Two palettes: the
/// normal one (every text colour at least 4.5:1 against the surfaces it is drawn on) and the large-text one for
/// visitors with low vision (text 1.5x larger, every text colour at least 7:1); a test measures both from pixels.
/// </summary>
public sealed class Theme
{
    public static readonly Theme Normal = new()
    {
        Background = new(0x0F, 0x17, 0x20),
        Panel = new(0x18, 0x23, 0x30),
        PanelHighlight = new(0x24, 0x33, 0x44),
        Text = new(0xF3, 0xEF, 0xE6),
        Muted = new(0x9A, 0xA7, 0xB4),
        Accent = new(0xE9, 0xA2, 0x3B),
        BandA = new(0x13, 0x1C, 0x27),
        BandB = new(0x17, 0x21, 0x2D),
        Node = new(0x26, 0x36, 0x48),
        NodeBorder = new(0x5B, 0x6E, 0x82),
        Land = new(0x22, 0x30, 0x3E),
        Coast = new(0x4A, 0x5C, 0x6E),
        Context = new(0x8C, 0x96, 0xA0),
        Modes =
        [
            new(0xE9, 0xA2, 0x3B), // amber
            new(0x4F, 0xB3, 0xBF), // teal
            new(0xD8, 0x74, 0x94), // rose
            new(0x94, 0xC4, 0x5E), // green
            new(0x9D, 0x8C, 0xEB), // violet
            new(0xD9, 0xD3, 0x6A), // straw
        ],
        TextScale = 1f,
    };

    /// <summary>Darker surfaces and lighter inks: every text colour here is at least 7:1 on every surface.</summary>
    public static readonly Theme LargeText = new()
    {
        Background = new(0x05, 0x08, 0x0C),
        Panel = new(0x0E, 0x14, 0x1C),
        PanelHighlight = new(0x16, 0x20, 0x2C),
        Text = new(0xFF, 0xFF, 0xFF),
        Muted = new(0xD2, 0xD9, 0xE0),
        Accent = new(0xF7, 0xC8, 0x72),
        BandA = new(0x08, 0x0C, 0x12),
        BandB = new(0x0C, 0x12, 0x19),
        Node = new(0x14, 0x1E, 0x2A),
        NodeBorder = new(0x8A, 0x9C, 0xAE),
        Land = new(0x1A, 0x26, 0x32),
        Coast = new(0x6A, 0x7E, 0x92),
        Context = new(0xC8, 0xCE, 0xD4),
        Modes =
        [
            new(0xF7, 0xC8, 0x72),
            new(0x86, 0xDC, 0xE6),
            new(0xF4, 0xA8, 0xC0),
            new(0xBC, 0xE4, 0x90),
            new(0xC8, 0xBE, 0xFF),
            new(0xEE, 0xEA, 0xA0),
        ],
        TextScale = 1.5f,
    };

    public required SKColor Background { get; init; }

    public required SKColor Panel { get; init; }

    public required SKColor PanelHighlight { get; init; }

    public required SKColor Text { get; init; }

    public required SKColor Muted { get; init; }

    public required SKColor Accent { get; init; }

    public required SKColor BandA { get; init; }

    public required SKColor BandB { get; init; }

    public required SKColor Node { get; init; }

    public required SKColor NodeBorder { get; init; }

    /// <summary>Land on the locator maps (the sea is the background).</summary>
    public required SKColor Land { get; init; }

    public required SKColor Coast { get; init; }

    /// <summary>Modes that are not the paper's own (<c>context: true</c>): one neutral grey, so the paper's modes stand out.</summary>
    public required SKColor Context { get; init; }

    /// <summary>One colour per coupling mode, in the order the case lists its modes.</summary>
    public required SKColor[] Modes { get; init; }

    /// <summary>Every text size is multiplied by this (the large-text mode's 1.5).</summary>
    public required float TextScale { get; init; }

    public bool IsLargeText => TextScale > 1f;

    public SKColor ModeColor(int modeIndex) => Modes[Math.Abs(modeIndex) % Modes.Length];

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
