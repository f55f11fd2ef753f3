namespace Kiosk.Host.Status;

/// <summary>The <c>Status</c> section of kiosk.json: how often the status file is written and where the Pi's health is read.</summary>
public sealed class StatusOptions
{
    public const string SectionName = "Status";

    /// <summary>The status file is written at most this often (and only when something changed).</summary>
    public TimeSpan WriteInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>SoC temperature in millidegrees Celsius (the Pi's kernel exposes the SoC as zone 0).</summary>
    public string ThermalZone { get; set; } = "/sys/class/thermal/thermal_zone0/temp";

    /// <summary>The firmware's throttling flags as hex, exposed by Raspberry Pi OS kernels (raspberrypi-hwmon / firmware driver).</summary>
    public string ThrottledFile { get; set; } = "/sys/devices/platform/soc/soc:firmware/get_throttled";

    /// <summary>Asked for <c>get_throttled</c> by <c>kiosk status</c> when the file above is absent; never by the running kiosk.</summary>
    public string Vcgencmd { get; set; } = "vcgencmd";

    public IEnumerable<string> Validate()
    {
        if (WriteInterval < TimeSpan.FromMilliseconds(100) || WriteInterval > TimeSpan.FromMinutes(1))
        {
            yield return $"WriteInterval: must be 100 ms to 1 minute, not {WriteInterval}";
        }
    }
}
