using Kiosk.Host.Display.Fbdev;

namespace Kiosk.Host.Tests.Display.Fbdev;

/// <summary>The sysfs edge: hands the sink a chosen geometry for a regular file standing in for /dev/fb0.</summary>
internal sealed class FixedFramebufferInfo(FramebufferGeometry geometry) : IFramebufferInfo
{
    public FramebufferGeometry Read(string devicePath) => geometry;
}
