namespace Kiosk.Content.Tests.Support;

/// <summary>A clock stopped at one instant, so compiled packs are byte-for-byte repeatable.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedTimeProvider Default = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
