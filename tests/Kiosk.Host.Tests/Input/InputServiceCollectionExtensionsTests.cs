using System.Device.Gpio;
using Kiosk.Host.Hardware;
using Kiosk.Host.Input;
using Kiosk.Host.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.Host.Tests.Input;

public class InputServiceCollectionExtensionsTests
{
    private static KioskSettings Settings(params (string Key, string Value)[] values) =>
        KioskSettings.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Gpio:" + v.Key, v.Value)))
            .Build());

    [Fact]
    public void Listed_pins_replace_the_defaults_and_settings_bind()
    {
        GpioButtonOptions options = Settings(
            ("Pins:Next", "17"), ("Pins:Home", "27"), ("ActiveLow", "false"), ("InputMode", "InputPullDown"),
            ("Debounce", "00:00:00.050"), ("LongPress", "00:00:01.5")).Gpio;

        Assert.Equal(new Dictionary<NavCommand, int> { [NavCommand.Next] = 17, [NavCommand.Home] = 27 }, options.Pins);
        Assert.False(options.ActiveLow);
        Assert.Equal(PinMode.InputPullDown, options.InputMode);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.Debounce);
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.LongPress);
    }

    [Fact]
    public void Empty_section_keeps_the_defaults()
    {
        Assert.Equal(new GpioButtonOptions().Pins, Settings().Gpio.Pins);
    }

    [Fact]
    public void Invalid_configuration_fails_in_the_settings_pass_naming_the_key()
    {
        var error = Assert.Throws<KioskSettingsException>(() => Settings(("Pins:Back", "31")));

        Assert.Equal("Gpio:Pins:Back: pin 31 is outside BCM 0..27.", Assert.Single(error.Errors));
    }

    [Fact]
    public void Registers_a_source_that_opens_no_pin_until_started()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICommandSink>(new RecordingSink());
        services.AddSingleton(new GpioControllerFactory(() => throw new InvalidOperationException("no pin may be opened yet")));
        var settings = Settings(("Pins:Select", "22"));
        services.AddGpioButtons(settings.Gpio);
        services.AddEvdevKeys(settings.Evdev);
        using ServiceProvider provider = services.BuildServiceProvider();

        IInputSource[] sources = [.. provider.GetServices<IInputSource>()];

        Assert.Equal(["gpio", "evdev:/dev/input/event0"], sources.Select(s => s.Name));
        Assert.Same(provider.GetRequiredService<GpioButtonSource>(), sources[0]);
        Assert.Empty(provider.GetRequiredService<GpioButtonSource>().Buttons);
    }
}
