using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Shared;

/// <summary>
/// Test time is <see cref="FakeTimeProvider"/> (Microsoft.Extensions.TimeProvider.Testing): these helpers only
/// add the start every test shares and "advance to N since the start", the way input traces are written.
/// </summary>
public static class FakeClock
{
    /// <summary>A weekday morning, opening time: no test depends on it, but a fixed start keeps logs comparable.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>When test packs say they were built: fixed, so compiled packs are byte-for-byte repeatable.</summary>
    public static readonly DateTimeOffset PackBuildTime = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(DefaultStart);

    /// <summary>A clock nobody advances, at <see cref="PackBuildTime"/>.</summary>
    public static FakeTimeProvider AtPackBuildTime() => new(PackBuildTime);

    /// <summary>Time since the clock was made.</summary>
    public static TimeSpan Elapsed(this FakeTimeProvider clock) => clock.GetUtcNow() - clock.Start;

    /// <summary>Moves the clock to <paramref name="sinceStart"/> after its start, firing every timer due on the way.</summary>
    public static void AdvanceTo(this FakeTimeProvider clock, TimeSpan sinceStart)
    {
        var delta = sinceStart - clock.Elapsed();
        if (delta < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"time only moves forward: the clock is at {clock.Elapsed()}, asked for {sinceStart}");
        }

        clock.Advance(delta);
    }

    /// <summary>Moves the clock to an absolute time, firing every timer due on the way.</summary>
    public static void AdvanceTo(this FakeTimeProvider clock, DateTimeOffset utcNow) => clock.AdvanceTo(utcNow - clock.Start);
}
