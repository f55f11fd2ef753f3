namespace Kiosk.Host.Loop;

/// <summary>What the frame loop needs from the settings (<c>Kiosk:MaxFps</c>).</summary>
public sealed class FrameLoopOptions
{
    /// <summary>Most frames per second while something moves.</summary>
    public int MaxFps { get; set; } = 60;
}
