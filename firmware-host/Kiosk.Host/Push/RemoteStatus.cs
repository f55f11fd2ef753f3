using Kiosk.Host.Status;

namespace Kiosk.Host.Push;

/// <summary>
/// One kiosk's answer to <c>kiosk status HOST...</c>: what its content key's forced command printed for a status
/// request, or why there is none. <see cref="Reachable"/> is false only when ssh itself failed (exit 255: no
/// connection, host key, login), the case a fleet report lists as offline.
/// </summary>
public sealed record RemoteStatus(string Host, bool Reachable, int? ExitCode, string? Answer, string? Error, double Seconds)
{
    /// <summary>The kiosk answered (JSON or text, as asked) with one of <see cref="StatusExitCode"/>'s codes.</summary>
    public bool Answered => Error is null;
}
