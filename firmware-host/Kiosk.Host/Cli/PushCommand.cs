using System.CommandLine;
using Kiosk.Host.Push;

namespace Kiosk.Host.Cli;

/// <summary>
/// <c>kiosk push PACK HOST...</c>: staff's laptop side of a content update. Each host gets the pack over the
/// user's own ssh, where the content key's forced command (<c>kiosk pack receive</c>) installs it.
/// </summary>
internal static class PushCommand
{
    public static Command Create(CliConsole console, TimeProvider time)
    {
        var pack = new Argument<FileInfo>("pack") { Description = "Pack file to send" };
        var hosts = new Argument<string[]>("hosts") { Description = $"Kiosks: {SshClientOptions.HostForms}", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON document with every host's result (for tools)" };
        var ssh = new SshClientOptions();
        var command = new Command("push", "Send a pack to kiosks over ssh in parallel and install it on each; exit 1 if any host did not")
        {
            pack, hosts, json, ssh.Ssh, ssh.SshOption,
        };
        command.SetAction(async (result, token) =>
        {
            var file = result.GetValue(pack)!;
            if (!file.Exists)
            {
                console.Error.WriteLine($"{file}: no such pack file");
                return ExitCodes.Usage;
            }

            if (SshClientOptions.Targets(console, result.GetValue(hosts)!) is not { } targets)
            {
                return ExitCodes.Usage;
            }

            var request = PackPusher.Prepare(file.FullName, ssh.Client(result), ssh.Options(result));
            // Redraw in place only on a real terminal; logs and tests get plain lines.
            bool redraw = ReferenceEquals(console, CliConsole.System) && !Console.IsErrorRedirected;
            var progress = new ProgressPrinter(console.Error, redraw, time);
            console.Error.WriteLine($"pushing {file} ({request.PackBytes:N0} bytes) to {targets.Count} host(s)");
            var results = await new PackPusher(time).PushAsync(request, targets, progress, token).ConfigureAwait(false);
            console.Out.Write(result.GetValue(json) ? PushReport.Json(request, results) + Environment.NewLine : PushReport.Table(results));
            return results.All(r => r.Ok) ? ExitCodes.Ok : ExitCodes.Refused;
        });
        return command;
    }
}
