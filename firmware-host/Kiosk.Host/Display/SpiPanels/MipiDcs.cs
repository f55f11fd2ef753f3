namespace Kiosk.Host.Display.SpiPanels;

/// <summary>MIPI Display Command Set codes that ST7789 and ILI9341 share.</summary>
public static class MipiDcs
{
    public const byte SoftwareReset = 0x01;
    public const byte SleepOut = 0x11;
    public const byte NormalDisplayOn = 0x13;
    public const byte InversionOn = 0x21;
    public const byte DisplayOn = 0x29;
    public const byte ColumnAddressSet = 0x2A;
    public const byte RowAddressSet = 0x2B;
    public const byte MemoryWrite = 0x2C;
    public const byte MemoryAccessControl = 0x36;
    public const byte PixelFormatSet = 0x3A;

    /// <summary>COLMOD parameter: 16 bits per pixel (RGB565) on both the RGB and the MCU interface.</summary>
    public const byte Rgb565Format = 0x55;
}
