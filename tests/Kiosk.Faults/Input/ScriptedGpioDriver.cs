using System.Device.Gpio;
using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Faults.Input;

/// <summary>
/// The GPIO seam: a <see cref="GpioDriver"/> whose lines move when the script says. <see cref="Edge"/> first moves
/// the manual clock to the edge's time (firing the debounce and long-press timers due before it), then sets the
/// level and calls the callbacks the controller registered, as libgpiod's event thread would.
/// </summary>
internal sealed class ScriptedGpioDriver(ManualTimeProvider clock) : GpioDriver
{
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, List<(PinEventTypes Types, PinChangeEventHandler Callback)>> _callbacks = [];
    private readonly DateTimeOffset _origin = clock.GetUtcNow();

    public long Edges { get; private set; }

    public void Edge(int pin, PinValue level, TimeSpan at)
    {
        clock.AdvanceTo(_origin + at);
        _levels[pin] = level;
        Edges++;
        var type = level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
        if (_callbacks.TryGetValue(pin, out var list))
        {
            foreach (var (types, callback) in list)
            {
                if ((types & type) != 0)
                {
                    callback(this, new PinValueChangedEventArgs(type, pin));
                }
            }
        }
    }

    protected override int PinCount => 28;

    protected override void OpenPin(int pinNumber)
    {
    }

    protected override void ClosePin(int pinNumber) => _callbacks.Remove(pinNumber);

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        _modes[pinNumber] = mode;
        _levels.TryAdd(pinNumber, mode == PinMode.InputPullDown ? PinValue.Low : PinValue.High);
    }

    protected override PinMode GetPinMode(int pinNumber) => _modes[pinNumber];

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => _levels.GetValueOrDefault(pinNumber, PinValue.High);

    protected override void Write(int pinNumber, PinValue value) => _levels[pinNumber] = value;

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
}
