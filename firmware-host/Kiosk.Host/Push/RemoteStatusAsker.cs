using System.Text.Json;
using Kiosk.Host.Status;

namespace Kiosk.Host.Push;

/// <summary>
/// Asks kiosks for their status over the user's own ssh, all at once (as <c>kiosk push</c> sends packs): the
/// remote command is the status request the content key's forced command answers (<see cref="StatusRequest"/>),
/// so this needs no other login. One result per host, in the order given.
/// </summary>
public sealed class RemoteStatusAsker(string ssh, IReadOnlyList<string> sshOptions, bool json, TimeProvider time)
{
    public async Task<IReadOnlyList<RemoteStatus>> AskAsync(IReadOnlyList<PushTarget> targets, CancellationToken token) =>
        // Off the caller's thread at once, so one host's slow start never delays the next one's.
        await Task.WhenAll(targets.Select(t => Task.Run(() => AskOneAsync(t, token), CancellationToken.None))).ConfigureAwait(false);

    private async Task<RemoteStatus> AskOneAsync(PushTarget target, CancellationToken token)
    {
        long start = time.GetTimestamp();
        var run = await SshSession.RunAsync(ssh, SshCommandLine.For(target, sshOptions, json ? "status --json" : "status"), send: null, token).ConfigureAwait(false);
        return run.Failure is { } failure
            ? new RemoteStatus(target.Label, !run.NotStarted, null, null, failure, Seconds(start))
            : Judge(target, run, start);
    }

    private RemoteStatus Judge(PushTarget target, SshOutcome run, long start)
    {
        (int exitCode, string stdout) = (run.ExitCode, run.Stdout);
        bool known = exitCode is StatusExitCode.Healthy or StatusExitCode.Unhealthy or StatusExitCode.Unknown;
        if (known && (json ? IsJsonObject(stdout) : stdout.Length > 0))
        {
            return new RemoteStatus(target.Label, true, exitCode, stdout.Trim(), null, Seconds(start));
        }

        // ssh's own failure is an unreachable host; anything else came from the far side but was not a status
        // answer (a key without the forced command, an older kiosk).
        string error = SshErrors.Summarise(run.Stderr, exitCode);
        return run.Unreachable
            ? new RemoteStatus(target.Label, false, null, null, error, Seconds(start))
            : new RemoteStatus(target.Label, true, exitCode, null, "no status answer: " + error, Seconds(start));
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private double Seconds(long start) => Math.Round(time.GetElapsedTime(start).TotalSeconds, 2);
}
