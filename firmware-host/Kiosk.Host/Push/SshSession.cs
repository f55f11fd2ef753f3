using System.ComponentModel;
using System.Diagnostics;

namespace Kiosk.Host.Push;

/// <summary>
/// One run of the user's ssh to one host, for <c>kiosk push</c> and <c>kiosk status HOST...</c> alike: starts it,
/// feeds its stdin (a pack, or nothing), keeps the tail of what it prints and waits; a cancel kills it.
/// </summary>
internal static class SshSession
{
    /// <summary>ssh's own exit code when it fails (connect, host key, login); anything else is the remote command's.</summary>
    public const int SshFailed = 255;

    /// <param name="send">Writes the remote side's stdin and returns the bytes sent; null sends nothing (end of
    /// file at once: an older forced command that reads a pack then says so instead of waiting for one).</param>
    public static async Task<SshOutcome> RunAsync(string ssh, IEnumerable<string> args, Func<Stream, CancellationToken, Task<long>>? send, CancellationToken token)
    {
        var startInfo = new ProcessStartInfo(ssh)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
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
            return SshOutcome.NotRun($"cannot run {ssh}: {ex.Message}");
        }

        using (process)
        {
            var stdout = TailCapture.ReadAsync(process.StandardOutput, CancellationToken.None);
            var stderr = TailCapture.ReadAsync(process.StandardError, CancellationToken.None);
            long sent = 0;
            try
            {
                if (send is null)
                {
                    process.StandardInput.Close();
                }
                else
                {
                    sent = await send(process.StandardInput.BaseStream, token).ConfigureAwait(false);
                }

                await process.WaitForExitAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                return SshOutcome.Cancelled;
            }

            return new SshOutcome(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), sent, null);
        }
    }
}

/// <summary>What one ssh run ended with; <see cref="Failure"/> is set when it never ran to an exit code.</summary>
internal sealed record SshOutcome(int ExitCode, string Stdout, string Stderr, long Sent, string? Failure)
{
    public static SshOutcome Cancelled { get; } = new(-1, "", "", 0, "cancelled");

    /// <summary>ssh could not be started at all: nothing reached the host.</summary>
    public bool NotStarted { get; private init; }

    public static SshOutcome NotRun(string why) => new(-1, "", "", 0, why) { NotStarted = true };

    /// <summary>ssh itself failed (no connection, host key, login): the host was not reached.</summary>
    public bool Unreachable => NotStarted || (Failure is null && ExitCode == SshSession.SshFailed);
}
