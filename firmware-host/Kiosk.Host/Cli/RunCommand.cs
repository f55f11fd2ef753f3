using System.CommandLine;
using Kiosk.Content.Diagnostics;
using Kiosk.Host.Display;
using Kiosk.Host.Loop;
using Kiosk.Host.Packs;
using Kiosk.Host.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace Kiosk.Host.Cli;

/// <summary><c>kiosk run</c>: the exhibit itself, until stopped (Ctrl+C or systemd).</summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var pack = new Option<FileInfo?>("--pack") { Description = "Pack file to show (default: the store's current pack, else the built-in pack)" };
        var display = new Option<string?>("--display") { Description = "preview (default), png:DIR, fbdev:/dev/fb0, spi:st7789, spi:ili9341" };
        var input = new Option<string[]>("--input") { Description = "gpio, keyboards (every keyboard, hot-plugged; the default), evdev:/dev/input/... (repeatable)", AllowMultipleArgumentsPerToken = false };
        var config = new Option<FileInfo?>("--config") { Description = $"Settings file (default {KioskHost.DefaultConfigFile}, if present)" };
        var profile = new Option<string?>("--profile") { Description = "Layout profile for preview and png displays, e.g. 1920x1080, 800x480" };
        var command = new Command("run", "Run the exhibit: buttons in, frames out; the web preview when no panel is configured") { pack, display, input, config, profile };
        command.SetAction(async (result, token) =>
        {
            var timeline = new StartupTimeline();
            // Skia's and fontconfig's first use (native libraries loaded, the system font list scanned) costs
            // seconds on a slow core and needs nothing of ours: done on another core while the settings are read,
            // the display is found and the pack verified, instead of in front of the first frame.
            _ = Task.Run(() =>
            {
                _ = SKFontManager.Default.FontFamilyCount;
                timeline.Mark("renderer libraries warm");
            }, CancellationToken.None);
            var overrides = new Dictionary<string, string?>();
            if (result.GetValue(pack) is { } p)
            {
                overrides["Kiosk:Pack"] = p.FullName;
            }

            if (result.GetValue(display) is { } d)
            {
                overrides["Kiosk:Display"] = d;
            }

            if (result.GetValue(profile) is { } pr)
            {
                overrides["Kiosk:Profile"] = pr;
            }

            string[] inputs = result.GetValue(input) ?? [];
            for (int i = 0; i < inputs.Length; i++)
            {
                overrides[$"Kiosk:Inputs:{i}"] = inputs[i];
            }

            var configFile = result.GetValue(config);
            if (SettingsErrors.Missing(console, configFile))
            {
                return ExitCodes.Usage;
            }

            try
            {
                var preload = KioskHost.PreloadPack(configFile?.FullName, overrides);
                using var host = KioskHost.Build(configFile?.FullName, overrides, preload: preload);
                timeline.Mark("settings read and display chosen");

                // Made before the host starts, so a refused --pack or a display that cannot open is one line here,
                // not the host's failed-start log with a stack trace. The pack (read and verified since the preload
                // above, on another core) is taken while the display opens.
                var packs = Task.Run(() =>
                {
                    var watcher = host.Services.GetRequiredService<PackWatcher>();
                    timeline.Mark("pack read and verified");
                    return watcher;
                }, CancellationToken.None);
                try
                {
                    _ = host.Services.GetRequiredService<DisplaySet>();
                    timeline.Mark("display open");
                }
                finally
                {
                    // A display error is reported first, as before, but never with the pack still being read.
                    await Task.WhenAny(packs).ConfigureAwait(false);
                }

                await packs.ConfigureAwait(false);
                host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() => timeline.Mark("services started"));
                var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Kiosk.Host.Startup");
                _ = host.Services.GetRequiredService<FrameLoop>().FirstFrame.ContinueWith(_ =>
                {
                    timeline.Mark("first frame");
                    logger.LogInformation("{Timeline}", timeline);
                }, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                await host.RunAsync(token).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (KioskSettingsException ex)
            {
                return SettingsErrors.Report(console, ex);
            }
            catch (DisplayConfigurationException ex)
            {
                // Raised when the display is opened (a framebuffer path that is a regular file, say): a settings
                // error found one step later, reported the same way.
                console.Error.WriteLine($"kiosk: {KioskOptions.SectionName}:Display: {ex.Message}");
                return ExitCodes.Usage;
            }
            catch (PackRefusedException ex)
            {
                console.Error.WriteLine($"kiosk: {KioskOptions.SectionName}:Pack: {SafeText.Escape(ex.Message)}");
                return ExitCodes.Usage;
            }
            catch (InvalidDataException ex)
            {
                return SettingsErrors.Report(console, configFile, ex);
            }
        });
        return command;
    }
}
