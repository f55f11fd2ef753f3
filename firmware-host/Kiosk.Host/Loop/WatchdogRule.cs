using Kiosk.Host.Display;

namespace Kiosk.Host.Loop;

/// <summary>
/// When the frame loop tells systemd it is alive: at most once a second, and only while frames can still reach
/// a display (<see cref="DisplaySet.AnyUsable"/>). If none can for <see cref="DisplaySet.GiveUpAfter"/>, the pings
/// stop and systemd restarts the service. The first turn may ping at once.
/// </summary>
public sealed class WatchdogRule(DisplaySet displays, TimeProvider time)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    private long _lastPing = time.GetTimestamp() - time.TimestampFrequency;

    /// <summary>True when a ping is due now; the caller sends it (WATCHDOG=1).</summary>
    public bool TryPing()
    {
        if (time.GetElapsedTime(_lastPing) < Every || !displays.AnyUsable(time))
        {
            return false;
        }

        _lastPing = time.GetTimestamp();
        return true;
    }
}
