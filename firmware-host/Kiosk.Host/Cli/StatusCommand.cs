using System.CommandLine;
using Kiosk.Host.Push;
using Kiosk.Host.Settings;
using Kiosk.Host.Status;

namespace Kiosk.Host.Cli;

/// <summary>
/// <c>kiosk status [--json] [--config FILE]</c>: what is on the glass and whether it is healthy, from the status
/// file of the kiosk that runs with the same settings (its store). Works with the kiosk stopped and says so.
/// <c>kiosk status [--json] HOST...</c> asks kiosks instead, all at once over ssh through their content key
/// (the same request the key's forced command answers), as <c>kiosk push</c> sends to several hosts.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliConsole console, TimeProvider time)
    {
        var json = new Option<bool>("--json") { Description = "Print the status as one JSON object (for tools; fields in the README)" };
        var config = new Option<FileInfo?>("--config") { Description = $"Settings file of the kiosk to ask about (default {KioskHost.DefaultConfigFile}, if present)" };
        var hosts = new Argument<string[]>("hosts")
        {
            Description = $"Kiosks to ask over ssh through their content key ({SshClientOptions.HostForms}); none: this machine's kiosk",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var ssh = new SshClientOptions(when: "with HOSTs");
        var command = new Command("status", "Show what the running kiosk has on the glass, its displays, presses, errors and the Pi's health")
        {
            json, config, hosts, ssh.Ssh, ssh.SshOption,
        };
        command.SetAction(async (result, token) =>
        {
            var configFile = result.GetValue(config);
            string[] remote = result.GetValue(hosts) ?? [];
            if (remote.Length > 0)
            {
                if (configFile is not null)
                {
                    console.Error.WriteLine("kiosk: --config is for this machine's kiosk; HOSTs are asked for their own");
                    return ExitCodes.Usage;
                }

                return await AskHostsAsync(console, time, remote, ssh.Client(result), ssh.Options(result), result.GetValue(json), token).ConfigureAwait(false);
            }

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

    private static async Task<int> AskHostsAsync(CliConsole console, TimeProvider time, string[] hosts, string ssh, string[] sshOptions, bool json, CancellationToken token)
    {
        if (SshClientOptions.Targets(console, hosts) is not { } targets)
        {
            return ExitCodes.Usage;
        }

        var answers = await new RemoteStatusAsker(ssh, sshOptions, json, time).AskAsync(targets, token).ConfigureAwait(false);
        console.Out.Write(json ? RemoteStatusReport.Json(answers) + Environment.NewLine : RemoteStatusReport.Text(answers));
        return RemoteStatusReport.ExitCode(answers);
    }
}
