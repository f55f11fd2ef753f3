using System.ComponentModel;
using System.Diagnostics;
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
        var startInfo = new ProcessStartInfo(ssh)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in SshCommandLine.For(target, sshOptions, json ? "status --json" : "status"))
        {
            startInfo.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new Win32Exception($"{ssh} did not start");
        }
        catch (Win32Exception ex)
        {
            return new RemoteStatus(target.Label, false, null, null, $"cannot run {ssh}: {ex.Message}", Seconds(start));
        }

        using (process)
        {
            // Nothing to send: an older forced command that knows no status request then reads an empty pack and
            // says so, instead of waiting for one.
            process.StandardInput.Close();
            var stdout = TailCapture.ReadAsync(process.StandardOutput, CancellationToken.None);
            var stderr = TailCapture.ReadAsync(process.StandardError, CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                return new RemoteStatus(target.Label, true, null, null, "cancelled", Seconds(start));
            }

            return Judge(target, process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), start);
        }
    }

    private RemoteStatus Judge(PushTarget target, int exitCode, string stdout, string stderr, long start)
    {
        bool known = exitCode is StatusExitCode.Healthy or StatusExitCode.Unhealthy or StatusExitCode.Unknown;
        if (known && (json ? IsJsonObject(stdout) : stdout.Length > 0))
        {
            return new RemoteStatus(target.Label, true, exitCode, stdout.Trim(), null, Seconds(start));
        }

        // 255 is ssh's own failure; anything else came from the far side but was not a status answer (a key
        // without the forced command, an older kiosk).
        string error = SshErrors.Summarise(stderr, exitCode);
        return exitCode == 255
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
