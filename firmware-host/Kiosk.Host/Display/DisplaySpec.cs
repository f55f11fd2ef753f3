using System.Diagnostics.CodeAnalysis;

namespace Kiosk.Host.Display;

/// <summary>
/// A parsed <c>"Display"</c> setting: <c>drm</c> (or <c>drm:/dev/dri/cardN</c>), <c>fbdev:/dev/fb0</c>, <c>spi:st7789</c>,
/// <c>spi:ili9341</c>, <c>png:DIR</c> or <c>preview</c>; <c>auto</c> is resolved by <see cref="DisplayDefault"/> first. <see cref="Argument"/> is the device path or directory, empty otherwise.
/// </summary>
public readonly record struct DisplaySpec(DisplayKind Kind, string Argument)
{
    public const string Expected = "auto, drm, drm:/dev/dri/cardN, fbdev:/dev/fbN, spi:st7789, spi:ili9341, png:DIR or preview";

    public static DisplaySpec Parse(string? text) =>
        TryParse(text, out var spec, out var error) ? spec : throw new DisplayConfigurationException(error);

    public static bool TryParse(string? text, out DisplaySpec spec, [NotNullWhen(false)] out string? error)
    {
        spec = default;
        string trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = $"{DisplayOptions.SpecKey}: no display given; expected {Expected}.";
            return false;
        }

        int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        string scheme = colon < 0 ? trimmed : trimmed[..colon];
        string argument = colon < 0 ? string.Empty : trimmed[(colon + 1)..].Trim();

        switch (scheme.ToLowerInvariant())
        {
            case "drm":
                // No card named: the sink picks the first card with a display connected.
                spec = new DisplaySpec(DisplayKind.Drm, argument);
                break;
            case "fbdev" when argument.Length == 0:
                error = $"{DisplayOptions.SpecKey}: '{trimmed}' needs a framebuffer device, e.g. fbdev:/dev/fb0.";
                return false;
            case "fbdev":
                spec = new DisplaySpec(DisplayKind.Fbdev, argument);
                break;
            case "spi":
                if (!TryParsePanel(argument, out var kind))
                {
                    error = $"{DisplayOptions.SpecKey}: unknown SPI panel '{argument}' in '{trimmed}'; supported: st7789, ili9341.";
                    return false;
                }

                spec = new DisplaySpec(kind, string.Empty);
                break;
            case "png" when argument.Length == 0:
                error = $"{DisplayOptions.SpecKey}: '{trimmed}' needs a directory, e.g. png:/var/lib/kiosk/frames.";
                return false;
            case "png":
                spec = new DisplaySpec(DisplayKind.Png, argument);
                break;
            case "preview" when colon < 0:
                spec = new DisplaySpec(DisplayKind.Preview, string.Empty);
                break;
            default:
                error = $"{DisplayOptions.SpecKey}: unknown display '{trimmed}'; expected {Expected}.";
                return false;
        }

        error = null;
        return true;
    }

    private static bool TryParsePanel(string name, out DisplayKind kind)
    {
        kind = name.ToLowerInvariant() switch
        {
            "st7789" => DisplayKind.St7789,
            "ili9341" => DisplayKind.Ili9341,
            _ => DisplayKind.Preview,
        };
        return kind != DisplayKind.Preview;
    }

    public override string ToString() => Kind switch
    {
        DisplayKind.Drm => Argument.Length == 0 ? "drm" : $"drm:{Argument}",
        DisplayKind.Fbdev => $"fbdev:{Argument}",
        DisplayKind.St7789 => "spi:st7789",
        DisplayKind.Ili9341 => "spi:ili9341",
        DisplayKind.Png => $"png:{Argument}",
        _ => "preview",
    };
}
