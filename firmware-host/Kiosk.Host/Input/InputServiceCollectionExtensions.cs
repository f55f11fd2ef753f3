using Kiosk.Host.Hardware;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosk.Host.Input;

/// <summary>
/// Registers input sources from options the settings pass has already checked. The host supplies the
/// <see cref="ICommandSink"/> and the <see cref="GpioControllerFactory"/>.
/// </summary>
public static class InputServiceCollectionExtensions
{
    /// <summary>Registers a <see cref="GpioButtonSource"/> as an <see cref="IInputSource"/> over the host's GPIO factory.</summary>
    public static IServiceCollection AddGpioButtons(this IServiceCollection services, GpioButtonOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp => new GpioButtonSource(
            options,
            sp.GetRequiredService<ICommandSink>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<GpioControllerFactory>().Open));
        services.AddSingleton<IInputSource>(sp => sp.GetRequiredService<GpioButtonSource>());
        return services;
    }

    /// <summary>Registers an <see cref="EvdevKeySource"/> reading the device <paramref name="options"/> name.</summary>
    public static IServiceCollection AddEvdevKeys(this IServiceCollection services, EvdevKeyOptions options)
    {
        services.AddSingleton<IInputSource>(sp => new EvdevKeySource(
            options,
            sp.GetRequiredService<ICommandSink>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            EvdevKeySource.OpenDevice,
            LinuxInput.NativeEventSize));
        return services;
    }

    /// <summary>Registers the web preview's buttons as an input source.</summary>
    public static IServiceCollection AddPreviewInput(this IServiceCollection services)
    {
        services.AddSingleton<IInputSource>(sp => sp.GetRequiredService<PreviewInput>());
        return services;
    }
}
