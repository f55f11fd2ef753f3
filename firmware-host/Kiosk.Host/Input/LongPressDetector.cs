namespace Kiosk.Host.Input;

/// <summary>
/// Pure logic that tells a short press from a long hold, fed with press/release timestamps and polled with the
/// current time. <see cref="HoldOutcome.Long"/> is reported as soon as a poll sees the threshold passed, so the
/// visitor gets the long-press screen while still holding; a hold that is only noticed at release (no poll in
/// between) is still reported as long. <see cref="HoldOutcome.Short"/> can only be known at release.
/// </summary>
public sealed class LongPressDetector
{
    private bool _held;
    private bool _reported;
    private TimeSpan _pressedAt;

    public LongPressDetector(TimeSpan threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, TimeSpan.Zero);
        Threshold = threshold;
    }

    public TimeSpan Threshold { get; }

    public bool IsHeld => _held;

    /// <summary>When the current hold turns long; null when nothing is held or it was already reported.</summary>
    public TimeSpan? Deadline => _held && !_reported ? _pressedAt + Threshold : null;

    public void OnPressed(TimeSpan timestamp)
    {
        _held = true;
        _reported = false;
        _pressedAt = timestamp;
    }

    public HoldOutcome Poll(TimeSpan now)
    {
        if (!_held || _reported || now - _pressedAt < Threshold)
        {
            return HoldOutcome.None;
        }

        _reported = true;
        return HoldOutcome.Long;
    }

    public HoldOutcome OnReleased(TimeSpan timestamp)
    {
        if (!_held)
        {
            return HoldOutcome.None;
        }

        HoldOutcome outcome = Poll(timestamp);
        if (outcome == HoldOutcome.None && !_reported)
        {
            outcome = HoldOutcome.Short;
        }

        _held = false;
        return outcome;
    }
}
