using System.Device.Gpio;

namespace Kiosk.Host.Tests.Display.Fakes;

/// <summary>GPIO at the hardware edge: remembers each pin's mode and level and logs every write.</summary>
public sealed class FakeGpioDriver(HardwareLog log) : GpioDriver
{
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly Dictionary<int, PinMode> _modes = [];

    public HashSet<int> OpenPins { get; } = [];

    public bool Disposed { get; private set; }

    public long WriteCount { get; private set; }

    public PinValue LevelOf(int pin) => _levels.GetValueOrDefault(pin, PinValue.Low);

    protected override int PinCount => 28;

    protected override void OpenPin(int pinNumber) => OpenPins.Add(pinNumber);

    protected override void ClosePin(int pinNumber) => OpenPins.Remove(pinNumber);

    protected override void SetPinMode(int pinNumber, PinMode mode) => _modes[pinNumber] = mode;

    protected override PinMode GetPinMode(int pinNumber) => _modes.GetValueOrDefault(pinNumber, PinMode.Input);

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => LevelOf(pinNumber);

    protected override void Write(int pinNumber, PinValue value)
    {
        _levels[pinNumber] = value;
        WriteCount++;
        if (log.Enabled)
        {
            log.Add($"gpio {pinNumber}={value}");
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Display pins are outputs.");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException("Display pins are outputs.");

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException("Display pins are outputs.");

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
