using Kiosk.Host.Display;
using Kiosk.Host.Display.Preview;
using Kiosk.Host.Input;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace Kiosk.Host.Hosting;

/// <summary>
/// Builds the running exhibit with the Generic Host: settings from /etc/kiosk/kiosk.json (or --config),
/// KIOSK__ environment variables and command-line flags, checked before anything starts.
/// </summary>
public static class KioskHost
{
    public const string DefaultConfigFile = "/etc/kiosk/kiosk.json";

    public static IHost Build(string? configFile, IReadOnlyDictionary<string, string?> overrides, DisplaySinkFactory? displays = null, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        string file = configFile ?? DefaultConfigFile;
        builder.Configuration.AddJsonFile(file, optional: configFile is null, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables("KIOSK__");
        builder.Configuration.AddInMemoryCollection(overrides);

        var config = KioskConfiguration.Load(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(config);
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<CommandQueue>();
        services.AddSingleton<ICommandSink>(sp => sp.GetRequiredService<CommandQueue>());
        services.AddSingleton(displays ?? DisplaySinkFactory.ForRaspberryPi());
        services.AddSingleton<PreviewSink>();
        services.AddSingleton<DisplaySet>();
        services.AddSingleton<PackWatcher>();
        services.AddSingleton<FrameLoop>();
        services.AddSingleton<PreviewServer>();
        services.AddHostedService(sp => sp.GetRequiredService<PackWatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<PreviewServer>());
        services.AddHostedService(sp => sp.GetRequiredService<FrameLoop>());
        foreach (string input in config.Kiosk.Inputs)
        {
            if (input == "gpio")
            {
                services.AddGpioButtons(config.Root.GetSection("Gpio"));
            }
            else
            {
                var evdev = new ConfigurationBuilder().AddConfiguration(config.Root.GetSection("Evdev")).AddInMemoryCollection(new Dictionary<string, string?> { ["DevicePath"] = input["evdev:".Length..] }).Build();
                services.AddEvdevKeys(evdev);
            }
        }

        services.AddHostedService<InputService>();

        // Under systemd: journald-friendly log lines and sd_notify. READY is sent by the frame loop after the
        // first frame, not when the host starts, so "active" means something is on the glass.
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        if (SystemdHelpers.IsSystemdService())
        {
            builder.Logging.AddSystemdConsole();
            services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        }

        configure?.Invoke(services);
        return builder.Build();
    }
}
