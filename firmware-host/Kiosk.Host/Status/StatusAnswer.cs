using System.Text.Json;
using Kiosk.Content.Json;
using Kiosk.Host.Packs;

namespace Kiosk.Host.Status;

/// <summary>
/// Prints a status report, as text or one JSON line, and gives the exit code: for <c>kiosk status</c> and for
/// the content key's status answer, which also has a fast path here. That answer is a new process for every
/// request (a fleet gather asks every kiosk at once), so <see cref="TryAnswerForcedCommand"/> answers it before
/// the command-line parser or anything else is built: on this project's 2-core test machine that took the
/// answer from about 0.12 s to 0.06 s of CPU (deploy/ansible/README.md, "Scale").
/// </summary>
public static class StatusAnswer
{
    // The options the forced command may carry (install.sh writes --store and the policy flags). Anything else,
    // "--store=X" included, goes to the full parser, which answers the same request the same way or refuses.
    private static readonly HashSet<string> ValueOptions = ["--store", "--trusted-keys", "--max-bytes", "--config"];
    private static readonly HashSet<string> Flags = ["--allow-unsigned", "--allow-downgrade"];

    /// <summary>
    /// The exit code when <paramref name="args"/> are <c>pack receive [options]</c> and <paramref name="sshCommand"/>
    /// (SSH_ORIGINAL_COMMAND) is a status request; null for anything else, which the full command line handles.
    /// </summary>
    public static int? TryAnswerForcedCommand(string[] args, string? sshCommand, TextWriter output, TimeProvider time)
    {
        if (args is not ["pack", "receive", ..] || !StatusRequest.TryParse(sshCommand, out bool json))
        {
            return null;
        }

        string store = new PackStoreOptions().Root;
        for (int i = 2; i < args.Length; i++)
        {
            if (Flags.Contains(args[i]))
            {
                continue;
            }

            if (!ValueOptions.Contains(args[i]) || i + 1 >= args.Length)
            {
                return null;
            }

            if (args[i] == "--store")
            {
                store = args[i + 1];
            }

            i++;
        }

        return Answer(store, new StatusOptions(), json, output, time);
    }

    /// <summary>Reads the status for a store, prints it and returns the exit code (<see cref="StatusExitCode"/>).</summary>
    public static int Answer(string store, StatusOptions options, bool json, TextWriter output, TimeProvider time)
    {
        var report = new StatusReader(options, time).Read(store, out int exitCode);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, StatusReport.Json.TypeInfo<StatusReport>()));
        }
        else
        {
            output.Write(StatusText.Format(report));
        }

        return exitCode;
    }
}
