namespace Kiosk.Host.Tests.Input;

/// <summary>
/// A clock that moves only when the test says so. Timers fire inside <see cref="AdvanceTo"/>, in due order,
/// with the clock set to each timer's due time, so a late timer never exists.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<ManualTimer> _timers = [];
    private long _ticks;

    public TimeSpan Now => TimeSpan.FromTicks(_ticks);

    public int ArmedTimers => _timers.Count(t => t.DueAt is not null);

    public override DateTimeOffset GetUtcNow() => Epoch + Now;

    public override long GetTimestamp() => _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_timers)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by) => AdvanceTo(Now + by);

    public void AdvanceTo(TimeSpan target)
    {
        if (target < Now)
        {
            throw new InvalidOperationException($"The clock cannot go back from {Now} to {target}.");
        }

        while (NextDue(target) is { } timer)
        {
            _ticks = timer.DueAt!.Value.Ticks;
            timer.Fire();
        }

        _ticks = target.Ticks;
    }

    private ManualTimer? NextDue(TimeSpan target)
    {
        lock (_timers)
        {
            ManualTimer? next = null;
            foreach (ManualTimer timer in _timers)
            {
                if (timer.DueAt is { } due && due <= target && (next is null || due < next.DueAt!.Value))
                {
                    next = timer;
                }
            }

            return next;
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_timers)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public TimeSpan? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner.Now + dueTime;
            _period = period;
            return true;
        }

        public void Fire()
        {
            DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : DueAt + _period;
            callback(state);
        }

        public void Dispose()
        {
            DueAt = null;
            owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
