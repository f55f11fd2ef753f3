namespace Kiosk.Host.Settings;

/// <summary>
/// The <c>Kiosk</c> section of kiosk.json (also <c>KIOSK__Kiosk__...</c> and the CLI flags of <c>kiosk run</c>).
/// </summary>
public sealed class KioskOptions
{
    public const string SectionName = "Kiosk";

    /// <summary>A pack file to show; when empty, the store's current pack, else the built-in pack.</summary>
    public string? Pack { get; set; }

    /// <summary>The pack store watched for installs and rollbacks.</summary>
    public string Store { get; set; } = "/var/lib/kiosk/packs";

    /// <summary>Where frames go: preview (the default when no panel is configured), png:DIR, fbdev:/dev/fbN, spi:st7789, spi:ili9341.</summary>
    public string Display { get; set; } = "preview";

    /// <summary>Layout profile for displays without a size of their own (preview, png).</summary>
    public string Profile { get; set; } = "1920x1080";

    /// <summary>Input devices: <c>gpio</c>, <c>evdev:/dev/input/eventN</c>. The preview's buttons are always live.</summary>
    public List<string> Inputs { get; set; } = [];

    /// <summary>Most frames per second while something moves.</summary>
    public int MaxFps { get; set; } = 60;

    /// <summary>How often the pack file or store link is checked for a new pack.</summary>
    public TimeSpan PackPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
