using System.Diagnostics;
using System.Globalization;

namespace Kiosk.Host.Status;

/// <summary>
/// The Pi's SoC temperature and the firmware's throttling flags, read from what the system exposes: the thermal
/// zone file, then the firmware's <c>get_throttled</c> sysfs file, then (only where allowed) <c>vcgencmd
/// get_throttled</c>. Whatever cannot be read is null: on a machine without them nothing is invented.
/// </summary>
public sealed class SystemHealth(StatusOptions options)
{
    // Bit meanings from the Raspberry Pi documentation of vcgencmd get_throttled.
    private static readonly (int Bit, string Name)[] Bits =
    [
        (0, "under-voltage"), (1, "arm-freq-capped"), (2, "throttled"), (3, "soft-temp-limit"),
        (16, "under-voltage-occurred"), (17, "arm-freq-capped-occurred"), (18, "throttled-occurred"), (19, "soft-temp-limit-occurred"),
    ];

    private static readonly TimeSpan VcgencmdLimit = TimeSpan.FromSeconds(3);

    /// <summary>Degrees Celsius, one decimal, or null when the zone file is absent or unreadable.</summary>
    public double? TemperatureC()
    {
        string? text = ReadText(options.ThermalZone);
        return text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long milli)
            ? Math.Round(milli / 1000.0, 1)
            : null;
    }

    /// <param name="allowVcgencmd">Run vcgencmd when the sysfs file is absent. The running kiosk never does (it
    /// would fork every few seconds, and its sandbox has no /dev/vchiq); <c>kiosk status</c> does.</param>
    public ThrottleStatus? Throttled(bool allowVcgencmd)
    {
        if (ReadText(options.ThrottledFile) is { } sysfs && TryParseHex(sysfs, out uint bits))
        {
            return Describe(bits, "sysfs");
        }

        if (allowVcgencmd && RunVcgencmd() is { } output && output.StartsWith("throttled=", StringComparison.Ordinal)
            && TryParseHex(output["throttled=".Length..], out uint fromTool))
        {
            return Describe(fromTool, "vcgencmd");
        }

        return null;
    }

    public static ThrottleStatus Describe(uint bits, string source) =>
        new($"0x{bits:x}", Bits.Where(b => (bits & (1u << b.Bit)) != 0).Select(b => b.Name).ToList(), source);

    private static bool TryParseHex(string text, out uint value)
    {
        string hex = text.Trim();
        hex = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        return uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string? RunVcgencmd()
    {
        // Looked up first: starting a process that is not there still loads and jits the whole process API, a
        // good part of a status answer's CPU on any machine that is not a Pi.
        if (!Installed(options.Vcgencmd))
        {
            return null;
        }

        var start = new ProcessStartInfo(options.Vcgencmd, "get_throttled") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(VcgencmdLimit))
            {
                process.Kill();
                return null;
            }

            return process.ExitCode == 0 ? output.Result.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not installed (plain Debian, a PC): no flags rather than a guess.
            return null;
        }
    }

    private static bool Installed(string program) =>
        program.Contains('/', StringComparison.Ordinal)
            ? File.Exists(program)
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, program)));
}
