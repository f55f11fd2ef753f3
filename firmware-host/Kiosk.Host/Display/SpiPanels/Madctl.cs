namespace Kiosk.Host.Display.SpiPanels;

/// <summary>Bits of the MADCTL (0x36) parameter, which sets scan direction and colour order.</summary>
[Flags]
public enum Madctl : byte
{
    None = 0,

    /// <summary>Row address order (mirror vertically).</summary>
    MY = 0x80,

    /// <summary>Column address order (mirror horizontally).</summary>
    MX = 0x40,

    /// <summary>Row/column exchange (swap axes).</summary>
    MV = 0x20,

    /// <summary>Panel wired blue-green-red.</summary>
    Bgr = 0x08,
}
