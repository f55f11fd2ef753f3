using System.Device.Gpio;

namespace Kiosk.Host.Input;

/// <summary>
/// The kiosk's physical buttons on GPIO: opens each configured pin as an input and posts debounced commands.
/// The controller comes from a factory so that tests hand in a controller over a fake driver.
/// </summary>
public sealed class GpioButtonSource : IInputSource, IDisposable
{
    private readonly GpioButtonOptions _options;
    private readonly ICommandSink _sink;
    private readonly TimeProvider _time;
    private readonly Func<GpioController> _controllerFactory;
    private readonly List<GpioButton> _buttons = [];
    private GpioController? _controller;

    public GpioButtonSource(GpioButtonOptions options, ICommandSink sink, TimeProvider time, Func<GpioController> controllerFactory)
    {
        options.ThrowIfInvalid();
        _options = options;
        _sink = sink;
        _time = time;
        _controllerFactory = controllerFactory;
    }

    public string Name => "gpio";

    public IReadOnlyList<GpioButton> Buttons => _buttons;

    /// <summary>Opens the pins and starts listening. Calling it twice is a bug in the caller.</summary>
    public void Start()
    {
        if (_controller is not null)
        {
            throw new InvalidOperationException("The GPIO buttons are already started.");
        }

        _controller = _controllerFactory();
        try
        {
            foreach ((NavCommand command, int pin) in _options.Pins.OrderBy(p => p.Value))
            {
                _controller.OpenPin(pin, _options.InputMode);
                bool pressed = (_controller.Read(pin) == PinValue.High) != _options.ActiveLow;
                var button = new GpioButton(pin, command, _options.ActiveLow, pressed, _options.Debounce,
                    _options.LongPress, _sink, _time);
                try
                {
                    _controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, button.Handler);
                }
                catch
                {
                    button.Dispose();
                    throw;
                }

                _buttons.Add(button);
            }
        }
        catch
        {
            Stop();
            throw;
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Start();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the buttons stop below.
        }
        finally
        {
            Stop();
        }
    }

    private void Stop()
    {
        if (_controller is null)
        {
            return;
        }

        foreach (GpioButton button in _buttons)
        {
            _controller.UnregisterCallbackForPinValueChangedEvent(button.Pin, button.Handler);
            button.Dispose();
        }

        _buttons.Clear();

        // Disposing the controller closes the pins and the driver it was built on.
        _controller.Dispose();
        _controller = null;
    }

    public void Dispose() => Stop();
}
