using System.Globalization;

namespace Kiosk.Host.Display.Fbdev;

/// <summary>
/// Geometry from <c>/sys/class/graphics/fbN/</c> (<c>virtual_size</c>, <c>bits_per_pixel</c>, <c>stride</c>),
/// which needs no ioctl and so no native code.
/// </summary>
public sealed class SysfsFramebufferInfo(string sysfsRoot = "/sys/class/graphics") : IFramebufferInfo
{
    public FramebufferGeometry Read(string devicePath)
    {
        string directory = Path.Combine(sysfsRoot, Path.GetFileName(devicePath));
        string size = ReadAttribute(devicePath, directory, "virtual_size");
        int comma = size.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0
            || !int.TryParse(size.AsSpan(0, comma), NumberStyles.None, CultureInfo.InvariantCulture, out int width)
            || !int.TryParse(size.AsSpan(comma + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int height))
        {
            throw new DisplayConfigurationException($"fbdev:{devicePath}: {directory}/virtual_size is '{size}', expected 'WIDTH,HEIGHT'.");
        }

        return new FramebufferGeometry(
            width,
            height,
            ReadNumber(devicePath, directory, "bits_per_pixel"),
            ReadNumber(devicePath, directory, "stride"));
    }

    private static int ReadNumber(string devicePath, string directory, string attribute)
    {
        string text = ReadAttribute(devicePath, directory, attribute);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new DisplayConfigurationException($"fbdev:{devicePath}: {directory}/{attribute} is '{text}', expected a number.");
    }

    private static string ReadAttribute(string devicePath, string directory, string attribute)
    {
        string path = Path.Combine(directory, attribute);
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DisplayConfigurationException($"fbdev:{devicePath}: cannot read {path}: {e.Message}", e);
        }
    }
}
