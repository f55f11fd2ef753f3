using Microsoft.Extensions.Time.Testing;
using System.Device.Gpio;
using Kiosk.Host.Tests.Display.Fakes;

namespace Kiosk.Host.Tests.Fakes;

/// <summary>
/// A GPIO chip in memory, after the test drivers in dotnet/iot: records what the controller asks of it, logs
/// output writes for the display tests, and lets input tests drive pin levels at chosen times.
/// <see cref="Edge"/> first moves the shared clock to the edge's time (firing any timer due before it), then
/// changes the level and calls the registered callbacks.
/// </summary>
public sealed class FakeGpioDriver : GpioDriver
{
    private readonly FakeTimeProvider? _clock;
    private readonly HardwareLog? _log;

    /// <summary>For buttons: edges happen at times on <paramref name="clock"/>.</summary>
    public FakeGpioDriver(FakeTimeProvider clock) => _clock = clock;

    /// <summary>For outputs (panel DC, reset, backlight): every write goes to <paramref name="log"/>.</summary>
    public FakeGpioDriver(HardwareLog log) => _log = log;

    /// <summary>One chip with both, as on a Pi: buttons and a panel's DC, reset and backlight lines.</summary>
    public FakeGpioDriver(FakeTimeProvider clock, HardwareLog log)
    {
        _clock = clock;
        _log = log;
    }

    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly Dictionary<int, List<(PinEventTypes Types, PinChangeEventHandler Callback)>> _callbacks = [];

    public HashSet<int> OpenPins { get; } = [];

    public IReadOnlyDictionary<int, PinMode> Modes => _modes;

    public bool Disposed { get; private set; }

    public long WriteCount { get; private set; }

    /// <summary>Edges played so far (soak tests report it).</summary>
    public long Edges { get; private set; }

    public PinValue LevelOf(int pin) => _levels.GetValueOrDefault(pin, PinValue.Low);

    public int CallbackCount(int pin) => _callbacks.TryGetValue(pin, out var list) ? list.Count : 0;

    public PinEventTypes RegisteredEvents(int pin) =>
        _callbacks.TryGetValue(pin, out var list) ? list.Aggregate(PinEventTypes.None, (all, c) => all | c.Types) : PinEventTypes.None;

    /// <summary>The level a pin reads before any edge, e.g. High for an idle active-low button.</summary>
    public void SetIdleLevel(int pin, PinValue level) => _levels[pin] = level;

    /// <summary>The line on <paramref name="pin"/> goes to <paramref name="level"/> at time <paramref name="at"/>.</summary>
    public void Edge(int pin, PinValue level, TimeSpan at)
    {
        (_clock ?? throw new InvalidOperationException("this driver was made for outputs; give it a clock to play edges")).AdvanceTo(at);
        _levels[pin] = level;
        Edges++;
        PinEventTypes type = level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
        if (!_callbacks.TryGetValue(pin, out var list))
        {
            return;
        }

        // By index, not a copy: a soak plays millions of edges, and callbacks never change the list.
        for (int i = 0; i < list.Count; i++)
        {
            var (types, callback) = list[i];
            if ((types & type) != 0)
            {
                callback(this, new PinValueChangedEventArgs(type, pin));
            }
        }
    }

    protected override int PinCount => 28;

    protected override void OpenPin(int pinNumber) => OpenPins.Add(pinNumber);

    protected override void ClosePin(int pinNumber)
    {
        OpenPins.Remove(pinNumber);
        _callbacks.Remove(pinNumber);
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        _modes[pinNumber] = mode;
        if (!_levels.ContainsKey(pinNumber))
        {
            // What a floating input settles to with its bias.
            _levels[pinNumber] = mode == PinMode.InputPullDown ? PinValue.Low : PinValue.High;
        }
    }

    protected override PinMode GetPinMode(int pinNumber) => _modes.GetValueOrDefault(pinNumber, PinMode.Input);

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => _levels.TryGetValue(pinNumber, out PinValue v) ? v : PinValue.Low;

    protected override void Write(int pinNumber, PinValue value)
    {
        _levels[pinNumber] = value;
        WriteCount++;
        if (_log is { Enabled: true })
        {
            _log.Add($"gpio {pinNumber}={value}");
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The kiosk listens with callbacks.");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        if (!_callbacks.TryGetValue(pinNumber, out var list))
        {
            _callbacks[pinNumber] = list = [];
        }

        list.Add((eventTypes, callback));
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        if (_callbacks.TryGetValue(pinNumber, out var list))
        {
            list.RemoveAll(c => c.Callback == callback);
        }
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
