namespace Kiosk.Host.Display;

/// <summary>
/// A display that can go darker than a black frame when the lecturer blanks the screen: an SPI panel turns its
/// backlight off. Displays without one just show the black frame.
/// </summary>
public interface IBlankable
{
    void SetBlanked(bool blanked);
}
