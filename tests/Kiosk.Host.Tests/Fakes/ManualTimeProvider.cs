namespace Kiosk.Host.Tests.Fakes;

/// <summary>
/// A <see cref="TimeProvider"/> that only moves when a test says so. It keeps two clocks, as the system does:
/// the wall clock (<see cref="GetUtcNow"/>) and the monotonic timestamp (<see cref="GetTimestamp"/>, one tick
/// per 100 ns). <see cref="Advance"/> moves both and fires every timer made by <see cref="CreateTimer"/> that
/// falls due, in due-time order, with the clocks set to each timer's due time while its callback runs (so a
/// periodic timer advanced by several periods fires once per period). <see cref="SetUtcNow"/> steps only the
/// wall clock, like an NTP correction: timers, which run on monotonic time, are not affected.
/// </summary>
/// <remarks>
/// Because <see cref="Task.Delay(TimeSpan, TimeProvider)"/>, <see cref="PeriodicTimer"/> and
/// <see cref="CancellationTokenSource(TimeSpan, TimeProvider)"/> build on <see cref="CreateTimer"/>, they follow
/// this clock too. Callbacks run synchronously on the thread that calls <see cref="Advance"/>, outside the
/// provider's lock, so a callback may create, change or dispose timers (a timer it makes due at or before the
/// current time fires within the same <see cref="Advance"/>). A timer created with a zero due time fires at the
/// next <see cref="Advance"/>, including <c>Advance(TimeSpan.Zero)</c>. Thread-safe.
/// </remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>The default start: a fixed instant, so test output never depends on the real date.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly TimeZoneInfo _localTimeZone;
    private DateTimeOffset _utcNow;
    private long _timestamp;
    private long _nextSequence;

    public ManualTimeProvider()
        : this(DefaultStart)
    {
    }

    public ManualTimeProvider(DateTimeOffset start, TimeZoneInfo? localTimeZone = null)
    {
        _utcNow = start.ToUniversalTime();
        _localTimeZone = localTimeZone ?? TimeZoneInfo.Utc;
    }

    /// <summary>Ticks of <see cref="GetTimestamp"/> per second: the same unit as <see cref="TimeSpan.Ticks"/>.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => _localTimeZone;

    /// <summary>Timers created and neither disposed nor finished (a one-shot timer that fired is finished).</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_lock)
            {
                int n = 0;
                foreach (var t in _timers)
                {
                    n += t.DueAt is null ? 0 : 1;
                }

                return n;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _utcNow;
        }
    }

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _timestamp;
        }
    }

    /// <summary>
    /// Moves both clocks forward by <paramref name="delta"/>, firing the timers that fall due on the way.
    /// </summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        long target;
        lock (_lock)
        {
            target = _timestamp + delta.Ticks;
        }

        while (true)
        {
            ManualTimer? due = null;
            lock (_lock)
            {
                foreach (var t in _timers)
                {
                    if (t.DueAt is { } at && at <= target
                        && (due is null || at < due.DueAt!.Value || (at == due.DueAt && t.Sequence < due.Sequence)))
                    {
                        due = t;
                    }
                }

                if (due is null)
                {
                    MoveTo(target);
                    return;
                }

                MoveTo(Math.Max(_timestamp, due.DueAt!.Value));
                due.DueAt = due.PeriodTicks > 0 ? _timestamp + due.PeriodTicks : null;
                if (due.DueAt is null)
                {
                    _timers.Remove(due);
                }
            }

            due.Fire();
        }
    }

    /// <summary>Time since this clock was created, by the steady timestamp.</summary>
    public TimeSpan Now => TimeSpan.FromTicks(GetTimestamp());

    /// <summary>Armed timers: the same as <see cref="ActiveTimerCount"/>, named as the input tests read it.</summary>
    public int ArmedTimers => ActiveTimerCount;

    /// <summary>Moves both clocks forward to <paramref name="sinceStart"/> after creation, firing timers on the way.</summary>
    public void AdvanceTo(TimeSpan sinceStart)
    {
        if (sinceStart < Now)
        {
            throw new InvalidOperationException($"The clock cannot go back from {Now} to {sinceStart}.");
        }

        Advance(sinceStart - Now);
    }

    /// <summary>Moves both clocks forward to <paramref name="utcNow"/> (which must not be earlier), firing timers.</summary>
    public void AdvanceTo(DateTimeOffset utcNow)
    {
        Advance(utcNow - GetUtcNow());
    }

    /// <summary>
    /// Steps the wall clock to <paramref name="utcNow"/>, forwards or backwards, without moving the timestamp or
    /// firing timers: what an NTP correction or an RTC-less board's first sync does to a real clock.
    /// </summary>
    public void SetUtcNow(DateTimeOffset utcNow)
    {
        lock (_lock)
        {
            _utcNow = utcNow.ToUniversalTime();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            timer.Sequence = _nextSequence++;
            timer.Schedule(dueTime, period);
        }

        return timer;
    }

    private void MoveTo(long timestamp)
    {
        // Called under _lock.
        _utcNow += TimeSpan.FromTicks(timestamp - _timestamp);
        _timestamp = timestamp;
    }

    private static void CheckTime(TimeSpan value, string name)
    {
        if (value != Timeout.InfiniteTimeSpan && value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "must be non-negative or Timeout.InfiniteTimeSpan");
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long Sequence { get; set; }

        /// <summary>Timestamp the timer fires at next; null when stopped, finished or disposed.</summary>
        public long? DueAt { get; set; }

        /// <summary>Period in ticks; 0 for a one-shot timer (a zero or infinite period, as for <see cref="Timer"/>).</summary>
        public long PeriodTicks { get; private set; }

        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                if (_disposed)
                {
                    return false;
                }

                Schedule(dueTime, period);
                return true;
            }
        }

        public void Dispose()
        {
            lock (owner._lock)
            {
                _disposed = true;
                DueAt = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            // Called under owner._lock.
            CheckTime(dueTime, nameof(dueTime));
            CheckTime(period, nameof(period));
            PeriodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._timestamp + dueTime.Ticks;
            if (DueAt is null)
            {
                owner._timers.Remove(this);
            }
            else if (!owner._timers.Contains(this))
            {
                owner._timers.Add(this);
            }
        }

        public void Fire()
        {
            callback(state);
        }
    }
}
