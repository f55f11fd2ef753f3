using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Host.Tests.Navigation;

/// <summary>The fake clock the navigator tests (and any other) drive time with.</summary>
public sealed class ManualTimeProviderTests
{
    [Fact]
    public void Starts_at_a_fixed_instant_and_moves_only_when_advanced()
    {
        var time = new ManualTimeProvider();
        long t0 = time.GetTimestamp();

        Assert.Equal(ManualTimeProvider.DefaultStart, time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(ManualTimeProvider.DefaultStart.AddSeconds(3), time.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(3), time.GetElapsedTime(t0));
        Assert.Throws<ArgumentOutOfRangeException>(() => time.Advance(TimeSpan.FromTicks(-1)));
    }

    [Fact]
    public void A_one_shot_timer_fires_once_when_due()
    {
        var time = new ManualTimeProvider();
        int fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, fired);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, fired);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, fired);
        Assert.Equal(0, time.ActiveTimerCount);
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_period_with_the_clock_at_each_due_time()
    {
        var time = new ManualTimeProvider();
        var seen = new List<DateTimeOffset>();
        using var timer = time.CreateTimer(s => seen.Add(((TimeProvider)s!).GetUtcNow()), time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        time.Advance(TimeSpan.FromSeconds(6));

        var start = ManualTimeProvider.DefaultStart;
        Assert.Equal([start.AddSeconds(1), start.AddSeconds(3), start.AddSeconds(5)], seen);
        Assert.Equal(start.AddSeconds(6), time.GetUtcNow());
    }

    [Fact]
    public void Timers_fire_in_due_order_then_creation_order()
    {
        var time = new ManualTimeProvider();
        var order = new List<string>();
        using var b = time.CreateTimer(_ => order.Add("b"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var a = time.CreateTimer(_ => order.Add("a"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var c = time.CreateTimer(_ => order.Add("c"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["a", "b", "c"], order);
    }

    [Fact]
    public void Change_and_dispose_stop_or_move_a_timer()
    {
        var time = new ManualTimeProvider();
        int fired = 0;
        var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        Assert.True(timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, fired);

        Assert.True(timer.Change(TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, fired);

        timer.Change(TimeSpan.Zero, TimeSpan.FromSeconds(1));
        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, fired);
        Assert.False(timer.Change(TimeSpan.Zero, TimeSpan.Zero));
    }

    [Fact]
    public void A_callback_may_reschedule_its_own_timer()
    {
        var time = new ManualTimeProvider();
        int fired = 0;
        ITimer? timer = null;
        timer = time.CreateTimer(_ => { fired++; timer!.Change(TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan); }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(7)); // fires at 1, 4 and 7

        Assert.Equal(3, fired);
        timer.Dispose();
    }

    [Fact]
    public async Task Delay_and_cancel_after_follow_the_fake_clock()
    {
        var time = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(10), time);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(cts.IsCancellationRequested);
        Assert.False(delay.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(5));
        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Stepping_the_wall_clock_leaves_timers_and_the_timestamp_alone()
    {
        var time = new ManualTimeProvider();
        int fired = 0;
        using var timer = time.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        long t0 = time.GetTimestamp();

        time.SetUtcNow(ManualTimeProvider.DefaultStart.AddYears(-10));
        time.SetUtcNow(ManualTimeProvider.DefaultStart.AddYears(10));

        Assert.Equal(0, fired);
        Assert.Equal(t0, time.GetTimestamp());
        Assert.Equal(ManualTimeProvider.DefaultStart.AddYears(10), time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, fired);
    }

    [Fact]
    public void Advance_to_moves_to_an_instant()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.FromHours(8)));

        time.AdvanceTo(new DateTimeOffset(2030, 6, 1, 4, 0, 30, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2030, 6, 1, 4, 0, 30, TimeSpan.Zero), time.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, time.GetUtcNow().Offset);
    }
}
