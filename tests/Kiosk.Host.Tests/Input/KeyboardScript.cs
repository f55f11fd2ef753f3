using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Input;

/// <summary>
/// Builds event sequences as a USB keyboard reports them: a scan code (EV_MSC), the key event and a
/// SYN_REPORT per change, and the kernel's autorepeat (250 ms delay, 33 ms period) while a key is held.
/// </summary>
internal sealed class KeyboardScript(TimeSpan start)
{
    private static readonly TimeSpan RepeatDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RepeatPeriod = TimeSpan.FromMilliseconds(33);
    private readonly List<InputEvent> _events = [];

    public TimeSpan Now { get; private set; } = start;

    public IReadOnlyList<InputEvent> Events => _events;

    public KeyboardScript Wait(double milliseconds)
    {
        Now += TimeSpan.FromMilliseconds(milliseconds);
        return this;
    }

    /// <summary>Press, hold for <paramref name="holdMilliseconds"/> (autorepeating if asked), release.</summary>
    public KeyboardScript Tap(ushort code, double holdMilliseconds = 80, bool autorepeat = true)
    {
        Key(code, LinuxInput.KeyPressed);
        TimeSpan releaseAt = Now + TimeSpan.FromMilliseconds(holdMilliseconds);
        if (autorepeat)
        {
            for (TimeSpan repeat = Now + RepeatDelay; repeat < releaseAt; repeat += RepeatPeriod)
            {
                Now = repeat;
                _events.Add(new InputEvent(Now, LinuxInput.EvKey, code, LinuxInput.KeyAutorepeat));
                Syn();
            }
        }

        Now = releaseAt;
        return Key(code, LinuxInput.KeyReleased);
    }

    public KeyboardScript Key(ushort code, int value)
    {
        _events.Add(new InputEvent(Now, LinuxInput.EvMsc, 4 /* MSC_SCAN */, 0x70000 + code));
        _events.Add(new InputEvent(Now, LinuxInput.EvKey, code, value));
        return Syn();
    }

    private KeyboardScript Syn()
    {
        _events.Add(new InputEvent(Now, LinuxInput.EvSyn, 0, 0));
        return this;
    }
}
