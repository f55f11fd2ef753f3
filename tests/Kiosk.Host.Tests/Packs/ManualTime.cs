namespace Kiosk.Host.Tests.Packs;

/// <summary>A clock that moves only when told, so install times and pack timestamps are known exactly.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
