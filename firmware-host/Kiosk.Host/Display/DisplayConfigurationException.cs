namespace Kiosk.Host.Display;

/// <summary>
/// The display settings are wrong (unknown spec, bad pin, unreadable framebuffer). The message names the
/// configuration key so staff can fix <c>kiosk.json</c> without reading code.
/// </summary>
public sealed class DisplayConfigurationException : Exception
{
    public DisplayConfigurationException(string message)
        : base(message)
    {
    }

    public DisplayConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
