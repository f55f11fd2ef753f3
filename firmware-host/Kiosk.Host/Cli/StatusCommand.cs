using System.CommandLine;
using System.Text.Json;
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

            Print(console, new StatusReader(settings.Status, time).Read(settings.Kiosk.Store), result.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Prints a status as JSON (one line) or as text; the content key's status answer uses it too.</summary>
    public static void Print(CliConsole console, StatusReport report, bool json)
    {
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(report, StatusReport.Json));
        }
        else
        {
            console.Out.Write(StatusText.Format(report));
        }
    }
}
