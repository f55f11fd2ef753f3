namespace Kiosk.Host.Display.Preview;

/// <summary>The web preview: a page with the live frame and the same buttons as the exhibit.</summary>
public sealed class PreviewOptions
{
    public const string SectionName = "Preview";

    /// <summary>Loopback only by default: the preview controls the exhibit, so a wider bind must be asked for.</summary>
    public string Url { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Must be true to bind anything but a loopback address.</summary>
    public bool AllowRemote { get; set; }

    /// <summary>Most frames per second sent to browsers (each is a PNG).</summary>
    public int MaxFps { get; set; } = 15;
}
