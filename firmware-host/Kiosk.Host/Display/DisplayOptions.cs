using Kiosk.Render.Profiles;

namespace Kiosk.Host.Display;

/// <summary>
/// Display settings from <c>kiosk.json</c>: <c>"Display": "spi:st7789"</c> picks the sink, the
/// <c>"DisplayOptions"</c> section tunes it. Pins are BCM GPIO numbers; -1 means "not wired".
/// </summary>
public sealed class DisplayOptions
{
    public const string SpecKey = "Display";
    public const string SectionName = "DisplayOptions";
    public const int NotWired = -1;

    /// <summary>Which sink: see <see cref="DisplaySpec"/>.</summary>
    public string Spec { get; set; } = "fbdev:/dev/fb0";

    public int SpiBus { get; set; }

    public int SpiChipSelect { get; set; }

    public int SpiClockHz { get; set; } = 32_000_000;

    /// <summary>SPI mode 0-3. Mode 0 suits most boards; ST7789 boards without a CS line need mode 3.</summary>
    public int SpiMode { get; set; }

    public int DcPin { get; set; } = 25;

    public int ResetPin { get; set; } = 27;

    public int BacklightPin { get; set; } = 18;

    /// <summary>Clockwise rotation in degrees: 0, 90, 180 or 270.</summary>
    public int Rotation { get; set; }

    /// <summary>Panel width before rotation; the panel's usual size when not set.</summary>
    public int? Width { get; set; }

    /// <summary>Panel height before rotation; the panel's usual size when not set.</summary>
    public int? Height { get; set; }

    /// <summary>Where the visible glass starts in controller RAM, after rotation (240x240 ST7789 at 180°: YOffset 80).</summary>
    public int XOffset { get; set; }

    public int YOffset { get; set; }

    /// <summary>Largest single SPI write; spidev's default buffer is 4096 bytes (module parameter <c>bufsiz</c>).</summary>
    public int ChunkSize { get; set; } = 4096;

    /// <summary>How many frame-NNNNNN.png files the PNG sink keeps before deleting the oldest.</summary>
    public int PngMaxFiles { get; set; } = 1000;

    /// <summary>
    /// The layout profile for displays without a size of their own (preview, png). Comes from <c>Kiosk:Profile</c>,
    /// so it is set by the settings pass, not bound from this section.
    /// </summary>
    public DisplayProfile LayoutProfile { get; private set; } = DisplayProfile.Hdmi;

    /// <summary>True when the web preview is the display.</summary>
    public bool IsPreview => DisplaySpec.TryParse(Spec, out var spec, out _) && spec.Kind == DisplayKind.Preview;

    public DisplayOptions WithLayoutProfile(DisplayProfile profile)
    {
        LayoutProfile = profile;
        return this;
    }

    public static string Key(string property) => $"{SectionName}:{property}";

    /// <summary>Every problem with these settings for the chosen display, each naming its key; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!DisplaySpec.TryParse(Spec, out var spec, out string? specError))
        {
            errors.Add(specError);
            return errors;
        }

        if (spec.Kind is DisplayKind.St7789 or DisplayKind.Ili9341)
        {
            ValidateSpi(errors);
        }
        else if (spec.Kind == DisplayKind.Png)
        {
            Require(errors, PngMaxFiles >= 1, nameof(PngMaxFiles), $"must be at least 1, not {PngMaxFiles}");
            ValidateSize(errors, 8192);
        }

        return errors;
    }

    private void ValidateSpi(List<string> errors)
    {
        Require(errors, SpiBus is >= 0 and <= 6, nameof(SpiBus), $"must be 0-6, not {SpiBus}");
        Require(errors, SpiChipSelect is >= 0 and <= 2, nameof(SpiChipSelect), $"must be 0-2, not {SpiChipSelect}");
        Require(errors, SpiClockHz is >= 100_000 and <= 125_000_000, nameof(SpiClockHz), $"must be 100000-125000000, not {SpiClockHz}");
        Require(errors, SpiMode is >= 0 and <= 3, nameof(SpiMode), $"must be 0-3, not {SpiMode}");
        Require(errors, Rotation is 0 or 90 or 180 or 270, nameof(Rotation), $"must be 0, 90, 180 or 270, not {Rotation}");
        Require(errors, ChunkSize is >= 1 and <= 65536, nameof(ChunkSize), $"must be 1-65536 bytes, not {ChunkSize}");
        Require(errors, XOffset is >= 0 and < 320, nameof(XOffset), $"must be 0-319, not {XOffset}");
        Require(errors, YOffset is >= 0 and < 320, nameof(YOffset), $"must be 0-319, not {YOffset}");
        ValidateSize(errors, 320);

        ValidatePin(errors, nameof(DcPin), DcPin, optional: false);
        ValidatePin(errors, nameof(ResetPin), ResetPin, optional: true);
        ValidatePin(errors, nameof(BacklightPin), BacklightPin, optional: true);
        Require(errors, ResetPin == NotWired || ResetPin != DcPin, nameof(ResetPin), $"GPIO {ResetPin} is already {nameof(DcPin)}");
        Require(
            errors,
            BacklightPin == NotWired || (BacklightPin != DcPin && BacklightPin != ResetPin),
            nameof(BacklightPin),
            $"GPIO {BacklightPin} is already {(BacklightPin == DcPin ? nameof(DcPin) : nameof(ResetPin))}");
    }

    private void ValidateSize(List<string> errors, int max)
    {
        Require(errors, Width is null || (Width >= 1 && Width <= max), nameof(Width), $"must be 1-{max}, not {Width}");
        Require(errors, Height is null || (Height >= 1 && Height <= max), nameof(Height), $"must be 1-{max}, not {Height}");
    }

    private void ValidatePin(List<string> errors, string key, int pin, bool optional)
    {
        if (optional && pin == NotWired)
        {
            return;
        }

        if (pin is < 0 or > 27)
        {
            errors.Add($"{Key(key)}: must be a BCM GPIO 0-27{(optional ? " or -1 when not wired" : string.Empty)}, not {pin}");
            return;
        }

        // The SPI controller owns its pins once enabled; driving one as DC/RST would corrupt every transfer.
        var (first, last) = SpiBus == 1 ? (16, 21) : (7, 11);
        Require(errors, SpiBus > 1 || pin < first || pin > last, key, $"GPIO {pin} belongs to SPI{SpiBus} (GPIO {first}-{last})");
    }

    private static void Require(List<string> errors, bool ok, string key, string message)
    {
        if (!ok)
        {
            errors.Add($"{Key(key)}: {message}");
        }
    }
}
