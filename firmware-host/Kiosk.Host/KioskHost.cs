using Kiosk.Host.Display;
using Kiosk.Host.Display.Preview;
using Kiosk.Host.Hardware;
using Kiosk.Host.Input;
using Kiosk.Host.Loop;
using Kiosk.Host.Navigation;
using Kiosk.Host.Packs;
using Kiosk.Host.Settings;
using Kiosk.Host.Status;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Host;

/// <summary>
/// The composition root: builds the running exhibit with the Generic Host from settings in
/// /etc/kiosk/kiosk.json (or --config), KIOSK__ environment variables and command-line flags, all checked in
/// one pass (<see cref="KioskSettings"/>) before anything starts. Each stage gets only its own options.
/// </summary>
public static class KioskHost
{
    public const string DefaultConfigFile = "/etc/kiosk/kiosk.json";

    /// <param name="configure">Runs last, so a test's registrations (a fake GPIO driver, a clock) win.</param>
    public static IHost Build(string? configFile, IReadOnlyDictionary<string, string?> overrides, DisplaySinkFactory? displays = null, TimeProvider? time = null, Action<IServiceCollection>? configure = null, PackPreload? preload = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        AddSettingsSources(builder.Configuration, configFile, overrides);

        var settings = KioskSettings.Load(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(Options.Create(settings.Display));
        services.AddSingleton(Options.Create(settings.Preview));
        services.AddSingleton(Options.Create(settings.Navigator));
        services.AddSingleton(Options.Create(settings.FrameLoop));
        services.AddSingleton(Options.Create(settings.PackWatcher));
        services.AddSingleton(Options.Create(settings.Status));
        services.AddSingleton(time ?? TimeProvider.System);

        // Status first, so it stops last and its final write ("stopped") comes after the loop's last frame.
        services.AddSingleton<KioskStatus>();
        services.AddSingleton<StatusWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<StatusWriter>());
        services.AddSingleton<ILoggerProvider, StatusLoggerProvider>();
        services.AddSingleton(GpioControllerFactory.ForRaspberryPi());
        services.AddSingleton(sp => displays ?? DisplaySinkFactory.ForRaspberryPi(sp.GetRequiredService<GpioControllerFactory>()));

        // Input: every source posts into the one queue the frame loop reads.
        services.AddSingleton<CommandQueue>();
        services.AddSingleton<ICommandSink>(sp => sp.GetRequiredService<CommandQueue>());
        services.AddSingleton<InputHealth>();
        AddInputs(services, settings);
        services.AddHostedService<InputService>();

        // Packs, displays, and the loop between them.
        if (preload is not null)
        {
            services.AddSingleton(preload);
        }

        services.AddSingleton<PackWatcher>();
        services.AddSingleton<PreviewSink>();
        services.AddSingleton<DisplaySet>();
        services.AddSingleton<PreviewServer>();
        services.AddSingleton<FrameLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<PackWatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<PreviewServer>());
        services.AddHostedService(sp => sp.GetRequiredService<FrameLoop>());

        // Under systemd: journald-friendly log lines and sd_notify. READY is sent by the frame loop after the
        // first frame, not when the host starts, so "active" means something is on the glass.
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        if (UnderSystemd())
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

    /// <summary>
    /// Started by systemd. The library's own check reads the parent's /proc/PID/comm, which kiosk.service hides
    /// (ProtectProc=invisible: PID 1 belongs to another user), so the kiosk never sent READY and systemd killed
    /// it after TimeoutStartSec (found by tests/Kiosk.System). A notify service always has NOTIFY_SOCKET.
    /// </summary>
    private static bool UnderSystemd() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET")) || SystemdHelpers.IsSystemdService();

    /// <summary>The settings as <c>kiosk run</c> reads them, for verbs that must agree with it (<c>kiosk status</c>).</summary>
    public static KioskSettings LoadSettings(string? configFile)
    {
        var configuration = new ConfigurationBuilder();
        AddSettingsSources(configuration, configFile, new Dictionary<string, string?>());
        return KioskSettings.Load(configuration.Build());
    }

    /// <summary>
    /// Starts reading the pack <c>kiosk run</c> will show before the settings are checked and the host is built
    /// (<see cref="PackPreload"/>): only <c>Kiosk:Pack</c> and <c>Kiosk:Store</c> are looked at, as plain strings.
    /// Settings that do not read here are reported by <see cref="Build"/> as usual; then nothing was preloaded.
    /// </summary>
    public static PackPreload? PreloadPack(string? configFile, IReadOnlyDictionary<string, string?> overrides)
    {
        try
        {
            var configuration = new ConfigurationBuilder();
            AddSettingsSources(configuration, configFile, overrides);
            var kiosk = configuration.Build().GetSection(KioskOptions.SectionName);
            return PackPreload.Begin(kiosk[nameof(KioskOptions.Pack)], kiosk[nameof(KioskOptions.Store)] ?? new PackWatcherOptions().Store);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>kiosk.json (or --config), then KIOSK__ environment variables, then the flags.</summary>
    private static void AddSettingsSources(IConfigurationBuilder configuration, string? configFile, IReadOnlyDictionary<string, string?> overrides)
    {
        configuration.AddJsonFile(configFile ?? DefaultConfigFile, optional: configFile is null, reloadOnChange: false);
        configuration.AddEnvironmentVariables("KIOSK__");
        configuration.AddInMemoryCollection(overrides);
    }

    private static void AddInputs(IServiceCollection services, KioskSettings settings)
    {
        // The preview server always takes the preview's input; it is a source only when the preview is the display.
        services.AddSingleton<PreviewInput>();
        if (settings.PreviewEnabled)
        {
            services.AddPreviewInput();
        }

        foreach (string input in settings.Inputs)
        {
            if (input == "gpio")
            {
                services.AddGpioButtons(settings.Gpio);
            }
            else if (input == KioskSettings.KeyboardsInput)
            {
                services.AddKeyboards(settings.Evdev);
            }
            else
            {
                services.AddEvdevKeys(settings.Evdev.ForDevice(input["evdev:".Length..]));
            }
        }
    }
}
