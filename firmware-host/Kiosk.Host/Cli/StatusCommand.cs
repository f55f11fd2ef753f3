using System.CommandLine;
using Kiosk.Host.Settings;
using Kiosk.Host.Status;

namespace Kiosk.Host.Cli;

/// <summary>
/// <c>kiosk status [--json] [--config FILE]</c>: what is on the glass and whether it is healthy, from the status
/// file of the kiosk that runs with the same settings (its store). Works with the kiosk stopped and says so.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliConsole console, TimeProvider time)
    {
        var json = new Option<bool>("--json") { Description = "Print the status as one JSON object (for tools; fields in the README)" };
        var config = new Option<FileInfo?>("--config") { Description = $"Settings file of the kiosk to ask about (default {KioskHost.DefaultConfigFile}, if present)" };
        var command = new Command("status", "Show what the running kiosk has on the glass, its displays, presses, errors and the Pi's health") { json, config };
        command.SetAction(result =>
        {
            var configFile = result.GetValue(config);
            if (SettingsErrors.Missing(console, configFile))
            {
                return ExitCodes.Usage;
            }

            KioskSettings settings;
            try
            {
                settings = KioskHost.LoadSettings(configFile?.FullName);
            }
            catch (KioskSettingsException ex)
            {
                return SettingsErrors.Report(console, ex);
            }
            catch (InvalidDataException ex)
            {
                return SettingsErrors.Report(console, configFile, ex);
            }

            return StatusAnswer.Answer(settings.Kiosk.Store, settings.Status, result.GetValue(json), console.Out, time);
        });
        return command;
    }
}
