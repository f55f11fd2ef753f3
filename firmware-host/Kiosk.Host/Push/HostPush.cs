namespace Kiosk.Host.Push;

/// <summary>
/// Pushes a pack to one host: runs ssh (<see cref="SshSession"/>) with the pack file streamed into its stdin,
/// and reads the kiosk's one-line reply.
/// </summary>
internal sealed class HostPush(PushRequest request, PushTarget target, IPushProgress progress, TimeProvider time)
{
    private const int ChunkBytes = 64 * 1024;

    public async Task<HostResult> RunAsync(CancellationToken token)
    {
        long start = time.GetTimestamp();
        var run = await SshSession.RunAsync(request.Ssh, SshCommandLine.For(target, request.SshOptions), SendAsync, token).ConfigureAwait(false);
        return run.Failure is { } failure
            ? Failed(start, run.Sent, failure)
            : Judge(ReceiveReply.FindIn(run.Stdout), run.ExitCode, run.Stderr, run.Sent, start);
    }

    /// <summary>Streams the pack; a kiosk that refuses early (too large) closes the pipe, which ends sending
    /// but not the push: its reply says why.</summary>
    private async Task<long> SendAsync(Stream stdin, CancellationToken token)
    {
        long sent = 0;
        try
        {
            await using var file = new FileStream(request.PackPath, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes, useAsync: true);
            byte[] buffer = new byte[ChunkBytes];
            progress.Sent(target.Label, 0, request.PackBytes);
            int read;
            while ((read = await file.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
            {
                await stdin.WriteAsync(buffer.AsMemory(0, read), token).ConfigureAwait(false);
                sent += read;
                progress.Sent(target.Label, sent, request.PackBytes);
            }

            await stdin.FlushAsync(token).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Broken pipe: the remote side stopped reading.
        }
        finally
        {
            try
            {
                // End of file for the kiosk: the pack is complete.
                stdin.Close();
            }
            catch (IOException)
            {
                // Already broken; nothing more to tell the remote side.
            }
        }

        return sent;
    }

    private HostResult Judge(ReceiveReply? reply, int exitCode, string stderr, long sent, long start)
    {
        double seconds = Seconds(start);
        if (reply is null)
        {
            return Failed(start, sent, SshErrors.Summarise(stderr, exitCode));
        }

        if (!reply.Ok)
        {
            return new HostResult(target.Label, PushOutcome.Refused, null, null, null, seconds, sent, reply.Error ?? "refused (no reason given)");
        }

        // The kiosk hashed what it stored; a different hash means the bytes were changed on the way.
        if (!string.Equals(reply.Sha256, request.PackSha256, StringComparison.OrdinalIgnoreCase))
        {
            return new HostResult(target.Label, PushOutcome.Failed, reply.PackId, reply.Version, reply.Sha256, seconds, sent,
                $"installed sha256 {reply.Sha256} is not the sha256 of the pack sent ({request.PackSha256})");
        }

        return new HostResult(target.Label, PushOutcome.Ok, reply.PackId, reply.Version, reply.Sha256, seconds, sent, null);
    }

    private HostResult Failed(long start, long sent, string error) =>
        new(target.Label, PushOutcome.Failed, null, null, null, Seconds(start), sent, error);

    private double Seconds(long start) => Math.Round(time.GetElapsedTime(start).TotalSeconds, 2);
}
