using Microsoft.Extensions.Time.Testing;
using System.Device.Gpio;
using Kiosk.Host.Input;

using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Host.Tests.Input;

/// <summary>A started <see cref="GpioButtonSource"/> over a <see cref="FakeGpioDriver"/> and a manual clock.</summary>
internal sealed class GpioRig : IDisposable
{
    public GpioRig(GpioButtonOptions? options = null, Action<FakeGpioDriver>? beforeStart = null)
    {
        Options = options ?? new GpioButtonOptions();
        Driver = new FakeGpioDriver(Clock);
        beforeStart?.Invoke(Driver);
        Source = new GpioButtonSource(Options, Sink, Clock, () => new GpioController(Driver));
        Source.Start();
    }

    public TimerCountingClock Clock { get; } = new();

    public RecordingSink Sink { get; } = new();

    public GpioButtonOptions Options { get; }

    public FakeGpioDriver Driver { get; }

    public GpioButtonSource Source { get; }

    public PinValue PressedLevel => Options.ActiveLow ? PinValue.Low : PinValue.High;

    public PinValue ReleasedLevel => Options.ActiveLow ? PinValue.High : PinValue.Low;

    public void Press(int pin, TimeSpan at) => Driver.Edge(pin, PressedLevel, at);

    public void Release(int pin, TimeSpan at) => Driver.Edge(pin, ReleasedLevel, at);

    public void Dispose() => Source.Dispose();
}
