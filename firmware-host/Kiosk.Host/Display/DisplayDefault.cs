namespace Kiosk.Host.Display;

/// <summary>
/// What <c>"Display": "auto"</c> (the default) means: the HDMI output through DRM/KMS where the machine has a
/// DRM card with a display connected and no desktop session owns it, otherwise the web preview. So an appliance
/// image needs no display setting, and <c>kiosk run</c> on a developer's desktop still opens the preview.
/// </summary>
public static class DisplayDefault
{
    public const string Auto = "auto";

    /// <summary>
    /// How long a kiosk started by systemd waits for a DRM card to appear. At boot the kiosk may start before
    /// udev has loaded the GPU's driver (seen on arm64 in QEMU: virtio-gpu came 15 s after the kiosk started,
    /// which then showed on the preview and never on the glass). The wait happens only while no card exists,
    /// when nothing could be shown on HDMI anyway; the unit deliberately waits for no device or udev settle.
    /// </summary>
    public static readonly TimeSpan WaitForCard = TimeSpan.FromSeconds(30);

    public static string Resolve(string? spec)
    {
        bool appliance = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"));
        var deadline = DateTime.UtcNow + (appliance ? WaitForCard : TimeSpan.Zero);
        return Resolve(spec, () =>
        {
            while (!DrmDisplayPresent())
            {
                if (DateTime.UtcNow >= deadline)
                {
                    return false;
                }

                Thread.Sleep(250);
            }

            return true;
        }, Environment.GetEnvironmentVariable);
    }

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
