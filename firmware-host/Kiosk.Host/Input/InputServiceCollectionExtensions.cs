using System.Device.Gpio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Kiosk.Host.Hardware;

namespace Kiosk.Host.Input;

/// <summary>Registers input sources from configuration. The host supplies the <see cref="ICommandSink"/>.</summary>
public static class InputServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="GpioButtonOptions"/> from <paramref name="section"/> (keys: Pins:&lt;Command&gt;, ActiveLow,
    /// InputMode, Debounce, LongPress), validates them now, and registers a <see cref="GpioButtonSource"/> as an
    /// <see cref="IInputSource"/> over the platform's default GPIO driver.
    /// </summary>
    public static IServiceCollection AddGpioButtons(this IServiceCollection services, IConfiguration section)
    {
        GpioButtonOptions options = BindGpioButtonOptions(section);
        services.AddSingleton(options);
        services.AddSingleton(sp => new GpioButtonSource(
            options,
            sp.GetRequiredService<ICommandSink>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            static () => new GpioController(GpioDrivers.ForChip(0))));
        services.AddSingleton<IInputSource>(sp => sp.GetRequiredService<GpioButtonSource>());
        return services;
    }

    /// <summary>
    /// Binds <see cref="EvdevKeyOptions"/> from <paramref name="section"/> (keys: DevicePath, Keys:&lt;code&gt;,
    /// LongPress, ReopenDelay), validates them now, and registers an <see cref="EvdevKeySource"/>.
    /// </summary>
    public static IServiceCollection AddEvdevKeys(this IServiceCollection services, IConfiguration section)
    {
        EvdevKeyOptions options = BindEvdevKeyOptions(section);
        services.AddSingleton<IInputSource>(sp => new EvdevKeySource(
            options,
            sp.GetRequiredService<ICommandSink>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            EvdevKeySource.OpenDevice,
            LinuxInput.NativeEventSize));
        return services;
    }

    public static GpioButtonOptions BindGpioButtonOptions(IConfiguration section)
    {
        var options = new GpioButtonOptions();

        // The binder merges into a dictionary; a site that lists its own pins means exactly those pins.
        if (section.GetSection(nameof(GpioButtonOptions.Pins)).GetChildren().Any())
        {
            options.Pins.Clear();
        }

        section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        options.ThrowIfInvalid();
        return options;
    }

    public static EvdevKeyOptions BindEvdevKeyOptions(IConfiguration section)
    {
        var options = new EvdevKeyOptions();
        if (section.GetSection(nameof(EvdevKeyOptions.Keys)).GetChildren().Any())
        {
            options.Keys.Clear();
        }

        section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        options.ThrowIfInvalid();
        return options;
    }
}
