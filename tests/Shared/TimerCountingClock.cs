using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Tests.Shared;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also says how many of its timers are armed, so input tests can check that
/// a debounce or long-press deadline was set (or cleared) without reaching into the source.
/// </summary>
public sealed class TimerCountingClock() : FakeTimeProvider(FakeClock.DefaultStart)
{
    private int _armed;

    public int ArmedTimers => Volatile.Read(ref _armed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var counted = new CountedTimer(this);
        counted.Inner = base.CreateTimer(counted.Fire, (callback, state), dueTime, period);
        counted.Arm(dueTime, period);
        return counted;
    }

    private sealed class CountedTimer(TimerCountingClock clock) : ITimer
    {
        private bool _armed;
        private bool _oneShot;

        public ITimer Inner { get; set; } = null!;

        public void Fire(object? state)
        {
            var (callback, inner) = ((TimerCallback, object?))state!;
            if (_oneShot)
            {
                Set(false);
            }

            callback(inner);
        }

        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            _oneShot = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero;
            Set(dueTime != Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Set(false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Set(bool armed)
        {
            lock (this)
            {
                if (armed != _armed)
                {
                    _armed = armed;
                    Interlocked.Add(ref clock._armed, armed ? 1 : -1);
                }
            }
        }
    }
}
