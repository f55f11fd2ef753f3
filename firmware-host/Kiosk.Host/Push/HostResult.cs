namespace Kiosk.Host.Push;

/// <summary>One row of the push report.</summary>
public sealed record HostResult(
    string Host,
    PushOutcome Outcome,
    string? PackId,
    string? Version,
    string? Sha256,
    double Seconds,
    long BytesSent,
    string? Error)
{
    public bool Ok => Outcome == PushOutcome.Ok;
}
