using Microsoft.Extensions.Time.Testing;
using System.Device.Gpio;
using Kiosk.Host.Input;

using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Host.Tests.Input;

public class GpioButtonOptionsTests
{
    [Fact]
    public void Defaults_are_valid_active_low_with_pull_up()
    {
        var options = new GpioButtonOptions();

        Assert.Empty(options.Validate());
        Assert.True(options.ActiveLow);
        Assert.Equal(PinMode.InputPullUp, options.InputMode);
        Assert.Equal(TimeSpan.FromMilliseconds(30), options.Debounce);
        Assert.Equal(TimeSpan.FromMilliseconds(800), options.LongPress);
        Assert.Equal(26, options.Pins[NavCommand.Home]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(28)]
    public void Pin_outside_the_header_is_named_by_its_key(int pin)
    {
        var options = new GpioButtonOptions();
        options.Pins[NavCommand.Select] = pin;

        string error = Assert.Single(options.Validate());

        Assert.Contains("Pins:Select", error, StringComparison.Ordinal);
        Assert.Contains(pin.ToString(System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pin_used_twice_names_both_keys()
    {
        var options = new GpioButtonOptions();
        options.Pins[NavCommand.Back] = options.Pins[NavCommand.Next];

        string error = Assert.Single(options.Validate());

        Assert.Contains("Pins:Back", error, StringComparison.Ordinal);
        Assert.Contains("Pins:Next", error, StringComparison.Ordinal);
    }

    [Fact]
    public void HomeLong_cannot_have_a_pin_of_its_own()
    {
        var options = new GpioButtonOptions();
        options.Pins[NavCommand.HomeLong] = 21;

        Assert.Contains("Pins:HomeLong", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Durations_must_be_positive_and_each_is_named()
    {
        var options = new GpioButtonOptions { Debounce = TimeSpan.Zero, LongPress = TimeSpan.FromMilliseconds(-1) };

        IReadOnlyList<string> errors = options.Validate();

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Debounce:", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("LongPress:", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Long_press_must_outlast_the_debounce()
    {
        var options = new GpioButtonOptions { Debounce = TimeSpan.FromMilliseconds(50), LongPress = TimeSpan.FromMilliseconds(50) };

        Assert.StartsWith("LongPress:", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_mode_is_refused()
    {
        var options = new GpioButtonOptions { InputMode = PinMode.Output };

        Assert.StartsWith("InputMode:", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void Source_refuses_invalid_options_listing_every_problem()
    {
        var options = new GpioButtonOptions { Debounce = TimeSpan.Zero };
        options.Pins[NavCommand.Next] = 40;

        var error = Assert.Throws<ArgumentException>(() =>
            new GpioButtonSource(options, new RecordingSink(), FakeClock.Create(), () => throw new InvalidOperationException("not reached")));

        Assert.Contains("Pins:Next", error.Message, StringComparison.Ordinal);
        Assert.Contains("Debounce", error.Message, StringComparison.Ordinal);
    }
}
