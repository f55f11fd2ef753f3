using System.Device.Gpio;
using Kiosk.Host.Input;
using Kiosk.Host.Navigation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.Host.Tests.Input;

public class InputServiceCollectionExtensionsTests
{
    private static IConfiguration Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Input:Gpio:" + v.Key, v.Value)))
            .Build()
            .GetSection("Input:Gpio");

    [Fact]
    public void Listed_pins_replace_the_defaults_and_settings_bind()
    {
        GpioButtonOptions options = InputServiceCollectionExtensions.BindGpioButtonOptions(Section(
            ("Pins:Next", "17"), ("Pins:Home", "27"), ("ActiveLow", "false"), ("InputMode", "InputPullDown"),
            ("Debounce", "00:00:00.050"), ("LongPress", "00:00:01.5")));

        Assert.Equal(new Dictionary<NavCommand, int> { [NavCommand.Next] = 17, [NavCommand.Home] = 27 }, options.Pins);
        Assert.False(options.ActiveLow);
        Assert.Equal(PinMode.InputPullDown, options.InputMode);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.Debounce);
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.LongPress);
    }

    [Fact]
    public void Empty_section_keeps_the_defaults()
    {
        GpioButtonOptions options = InputServiceCollectionExtensions.BindGpioButtonOptions(Section());

        Assert.Equal(new GpioButtonOptions().Pins, options.Pins);
    }

    [Fact]
    public void Invalid_configuration_fails_at_registration_naming_the_key()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() => services.AddGpioButtons(Section(("Pins:Back", "31"))));

        Assert.Contains("Pins:Back", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registers_a_source_that_opens_no_pin_until_started()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICommandSink>(new RecordingSink());
        services.AddGpioButtons(Section(("Pins:Select", "22")));
        services.AddEvdevKeys(new ConfigurationBuilder().Build());
        using ServiceProvider provider = services.BuildServiceProvider();

        IInputSource[] sources = [.. provider.GetServices<IInputSource>()];

        Assert.Equal(["gpio", "evdev:/dev/input/event0"], sources.Select(s => s.Name));
        Assert.Same(provider.GetRequiredService<GpioButtonSource>(), sources[0]);
        Assert.Empty(provider.GetRequiredService<GpioButtonSource>().Buttons);
    }
}
