namespace Kiosk.Host.Display.Fbdev;

/// <summary>Reads a framebuffer's geometry; the seam that lets tests stand a regular file in for <c>/dev/fb0</c>.</summary>
public interface IFramebufferInfo
{
    FramebufferGeometry Read(string devicePath);
}
