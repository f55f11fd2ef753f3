using System.Device.Gpio;

namespace Kiosk.Host.Input;

/// <summary>
/// One physical button: turns the pin's edges into debounced presses and posts its command. Home posts
/// <see cref="NavCommand.Home"/> on release, or <see cref="NavCommand.HomeLong"/> as soon as it has been held
/// for the long-press time (the release after that posts nothing).
/// </summary>
/// <remarks>
/// Edges arrive on the driver's event thread and deadlines on a timer thread, so both go through one lock.
/// Nothing here allocates per edge: the handler delegate and the timer are created once.
/// </remarks>
public sealed class GpioButton : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ICommandSink _sink;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly Debouncer _debouncer;
    private readonly LongPressDetector? _longPress;
    private readonly ITimer _timer;
    private readonly bool _activeLow;

    public GpioButton(int pin, NavCommand command, bool activeLow, bool initiallyPressed, TimeSpan debounce,
        TimeSpan longPress, ICommandSink sink, TimeProvider time)
    {
        Pin = pin;
        Command = command;
        _activeLow = activeLow;
        _sink = sink;
        _time = time;
        _origin = time.GetTimestamp();
        _debouncer = new Debouncer(debounce, initiallyPressed);

        // Only Home means something when held; other buttons fire as soon as the press is accepted.
        // A button already down at start (stuck, or leaned on) starts as pressed in the debouncer and never in
        // the long-press detector, so it posts nothing until it is released and pressed again.
        _longPress = command == NavCommand.Home ? new LongPressDetector(longPress) : null;

        Handler = OnPinValueChanged;
        _timer = time.CreateTimer(static state => ((GpioButton)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int Pin { get; }

    public NavCommand Command { get; }

    /// <summary>The callback to register for both edges of <see cref="Pin"/>; the same instance every time.</summary>
    public PinChangeEventHandler Handler { get; }

    private void OnPinValueChanged(object sender, PinValueChangedEventArgs args)
    {
        bool high = args.ChangeType == PinEventTypes.Rising;
        lock (_gate)
        {
            TimeSpan now = _time.GetElapsedTime(_origin);
            Apply(_debouncer.OnEdge(now, high != _activeLow), now);
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            TimeSpan now = _time.GetElapsedTime(_origin);
            Apply(_debouncer.Poll(now), now);
        }
    }

    // Posting happens under the lock on purpose: it keeps this button's commands in press order, and the sink
    // is a queue that returns at once.
    private void Apply(ButtonTransition transition, TimeSpan now)
    {
        if (_longPress is null)
        {
            if (transition.Edge == ButtonEdge.Pressed)
            {
                _sink.Post(Command);
            }
        }
        else
        {
            if (transition.Edge == ButtonEdge.Pressed)
            {
                _longPress.OnPressed(transition.SettledAt);
            }
            else if (transition.Edge == ButtonEdge.Released)
            {
                PostHold(_longPress.OnReleased(transition.SettledAt));
            }

            // While the line chatters the hold's end is not known yet: the release, if it is one, settles at its
            // last edge, which may still lie before the threshold.
            if (!_debouncer.IsPending)
            {
                PostHold(_longPress.Poll(now));
            }
        }

        Reschedule(now);
    }

    private void PostHold(HoldOutcome outcome)
    {
        if (outcome == HoldOutcome.Short)
        {
            _sink.Post(NavCommand.Home);
        }
        else if (outcome == HoldOutcome.Long)
        {
            _sink.Post(NavCommand.HomeLong);
        }
    }

    private void Reschedule(TimeSpan now)
    {
        // The long-press deadline waits while the line chatters (see Apply), so only one of the two is live.
        TimeSpan? due = _debouncer.IsPending ? _debouncer.Deadline : _longPress?.Deadline;

        _timer.Change(due is { } d ? (d > now ? d - now : TimeSpan.Zero) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _timer.Dispose();
}
