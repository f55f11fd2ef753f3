namespace Kiosk.Host.Display;

public enum DisplayKind
{
    Fbdev,
    St7789,
    Ili9341,
    Png,
    Preview,
    Drm,
}
