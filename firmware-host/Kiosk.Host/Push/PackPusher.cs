using System.Security.Cryptography;

namespace Kiosk.Host.Push;

/// <summary>Pushes one pack to every host at once and gathers one result per host, in the order given.</summary>
public sealed class PackPusher(TimeProvider time)
{
    public static PushRequest Prepare(string packPath, string ssh, IReadOnlyList<string> sshOptions)
    {
        using var file = File.OpenRead(packPath);
        string sha = Convert.ToHexStringLower(SHA256.HashData(file));
        return new PushRequest(Path.GetFullPath(packPath), file.Length, sha, ssh, sshOptions);
    }

    public async Task<IReadOnlyList<HostResult>> PushAsync(PushRequest request, IReadOnlyList<PushTarget> targets, IPushProgress progress, CancellationToken token)
    {
        var pushes = targets.Select(t => RunOne(new HostPush(request, t, progress, time), progress, token)).ToList();
        return await Task.WhenAll(pushes).ConfigureAwait(false);
    }

    private static async Task<HostResult> RunOne(HostPush push, IPushProgress progress, CancellationToken token)
    {
        // Off the caller's thread at once, so one host's slow start never delays the next one's.
        var result = await Task.Run(() => push.RunAsync(token), CancellationToken.None).ConfigureAwait(false);
        progress.Finished(result);
        return result;
    }
}
