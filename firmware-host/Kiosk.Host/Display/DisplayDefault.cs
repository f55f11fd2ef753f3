namespace Kiosk.Host.Display;

/// <summary>
/// What <c>"Display": "auto"</c> (the default) means: the HDMI output through DRM/KMS where the machine has a
/// DRM card with a display connected and no desktop session owns it, otherwise the web preview. So an appliance
/// image needs no display setting, and <c>kiosk run</c> on a developer's desktop still opens the preview.
/// </summary>
public static class DisplayDefault
{
    public const string Auto = "auto";

    public static string Resolve(string? spec) => Resolve(spec, DrmDisplayPresent, Environment.GetEnvironmentVariable);

    public static string Resolve(string? spec, Func<bool> drmDisplayPresent, Func<string, string?> environment)
    {
        string trimmed = spec?.Trim() ?? string.Empty;
        if (trimmed.Length > 0 && !trimmed.Equals(Auto, StringComparison.OrdinalIgnoreCase))
        {
            return trimmed;
        }

        bool desktop = !string.IsNullOrEmpty(environment("WAYLAND_DISPLAY")) || !string.IsNullOrEmpty(environment("DISPLAY"));
        return !desktop && drmDisplayPresent() ? "drm" : "preview";
    }

    private static bool DrmDisplayPresent() => Drm.DrmSink.FindCard(out _) is not null;
}
