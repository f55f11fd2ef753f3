namespace Kiosk.Host.Input;

/// <summary>
/// Pure debounce logic for one contact. A level change is accepted only after the line has stayed at the new
/// level for <see cref="DebounceTime"/>; chatter that returns to the accepted level before then is dropped.
/// </summary>
/// <remarks>
/// Acceptance can be due while no edge arrives, so the owner calls <see cref="Poll"/> at
/// <see cref="Deadline"/> (a timer). Every call settles what was due before its timestamp first, which makes
/// the result independent of how late the timer fires. Not thread-safe: the owner serialises calls.
/// </remarks>
public sealed class Debouncer
{
    private bool _stablePressed;
    private bool _rawPressed;
    private TimeSpan _rawSince;

    public Debouncer(TimeSpan debounceTime, bool initiallyPressed = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(debounceTime, TimeSpan.Zero);
        DebounceTime = debounceTime;
        _stablePressed = initiallyPressed;
        _rawPressed = initiallyPressed;
    }

    public TimeSpan DebounceTime { get; }

    /// <summary>The accepted level.</summary>
    public bool IsPressed => _stablePressed;

    /// <summary>True while the line differs from the accepted level and has not been stable long enough yet.</summary>
    public bool IsPending => _rawPressed != _stablePressed;

    /// <summary>When a pending change becomes acceptable if no further edge arrives; null when nothing is pending.</summary>
    public TimeSpan? Deadline => IsPending ? _rawSince + DebounceTime : null;

    /// <summary>Feeds one edge: the line is now at <paramref name="pressed"/> as of <paramref name="timestamp"/>.</summary>
    public ButtonTransition OnEdge(TimeSpan timestamp, bool pressed)
    {
        ButtonTransition settled = Poll(timestamp);

        // An edge to the level we already believe in still means the line moved (an edge was lost in between),
        // so it restarts the stability window like any other edge.
        _rawPressed = pressed;
        _rawSince = timestamp;
        return settled;
    }

    /// <summary>Accepts a pending change whose stability window has elapsed by <paramref name="now"/>.</summary>
    public ButtonTransition Poll(TimeSpan now)
    {
        if (!IsPending || now - _rawSince < DebounceTime)
        {
            return ButtonTransition.None;
        }

        _stablePressed = _rawPressed;
        return new ButtonTransition(_stablePressed ? ButtonEdge.Pressed : ButtonEdge.Released, _rawSince);
    }
}
