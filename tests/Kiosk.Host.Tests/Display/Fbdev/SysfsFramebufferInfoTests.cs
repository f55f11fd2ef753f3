using Kiosk.Host.Display;
using Kiosk.Host.Display.Fbdev;

namespace Kiosk.Host.Tests.Display.Fbdev;

public sealed class SysfsFramebufferInfoTests : IDisposable
{
    private readonly TempDir _temp = new();

    [Fact]
    public void Reads_size_depth_and_stride_of_the_named_device()
    {
        WriteAttributes("fb1", "1920,1080\n", "16\n", "3840\n");

        var geometry = new SysfsFramebufferInfo(_temp.Path).Read("/dev/fb1");

        Assert.Equal(new FramebufferGeometry(1920, 1080, 16, 3840), geometry);
    }

    [Fact]
    public void Malformed_size_names_the_file()
    {
        WriteAttributes("fb0", "1920x1080\n", "32\n", "7680\n");

        var error = Assert.Throws<DisplayConfigurationException>(() => new SysfsFramebufferInfo(_temp.Path).Read("/dev/fb0"));
        Assert.Contains("virtual_size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_device_names_the_path_it_tried()
    {
        var error = Assert.Throws<DisplayConfigurationException>(() => new SysfsFramebufferInfo(_temp.Path).Read("/dev/fb7"));
        Assert.Contains(Path.Combine(_temp.Path, "fb7"), error.Message, StringComparison.Ordinal);
    }

    private void WriteAttributes(string device, string size, string bitsPerPixel, string stride)
    {
        string directory = Path.Combine(_temp.Path, device);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "virtual_size"), size);
        File.WriteAllText(Path.Combine(directory, "bits_per_pixel"), bitsPerPixel);
        File.WriteAllText(Path.Combine(directory, "stride"), stride);
    }

    public void Dispose() => _temp.Dispose();
}
