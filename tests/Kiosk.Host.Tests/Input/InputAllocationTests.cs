using Microsoft.Extensions.Time.Testing;
using System.Device.Gpio;
using Kiosk.Host.Input;

using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Host.Tests.Input;

/// <summary>Per press nothing is allocated: not by a GPIO button (edges and timer), nor by the evdev decoder.</summary>
public class InputAllocationTests
{
    private const int Presses = 500;

    [Fact]
    public void Gpio_button_presses_allocate_nothing()
    {
        var clock = new OneShotClock();
        var sink = new CountingSink();
        using var home = new GpioButton(26, NavCommand.Home, activeLow: true, initiallyPressed: false,
            TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(800), sink, clock);
        var falling = new PinValueChangedEventArgs(PinEventTypes.Falling, 26);
        var rising = new PinValueChangedEventArgs(PinEventTypes.Rising, 26);

        void Press(int i)
        {
            // Alternate short and long holds, each with a bounce on the way down.
            home.Handler(this, falling);
            clock.Advance(TimeSpan.FromMilliseconds(3));
            home.Handler(this, rising);
            clock.Advance(TimeSpan.FromMilliseconds(2));
            home.Handler(this, falling);
            clock.Advance(TimeSpan.FromMilliseconds(i % 2 == 0 ? 200 : 1000));
            home.Handler(this, rising);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Press(0);
        Press(1);
        int before = sink.Count;
        var allocated = ThreadAllocations.Measure(() =>
        {
            for (int i = 0; i < Presses; i++)
            {
                Press(i);
            }
        });

        Assert.Equal(Presses * allocated.Windows.Count, sink.Count - before);
        Assert.True(allocated.Least == 0, $"{allocated} allocated by {Presses} presses");
    }

    [Fact]
    public void Evdev_decoding_allocates_nothing()
    {
        var sink = new CountingSink();
        var decoder = new EvdevKeyDecoder(new EvdevKeyOptions(), sink);
        InputEvent[] events = [.. EvdevSessionFixture.Events()];
        foreach (InputEvent e in events)
        {
            decoder.OnEvent(e);
        }

        int before = sink.Count;
        var allocated = ThreadAllocations.Measure(() =>
        {
            for (int round = 0; round < 20; round++)
            {
                foreach (InputEvent e in events)
                {
                    decoder.OnEvent(e);
                }
            }
        });

        Assert.Equal(20 * EvdevSessionFixture.Expected.Length * allocated.Windows.Count, sink.Count - before);
        Assert.True(allocated.Least == 0, $"{allocated} allocated by 20 rounds of the session");
    }

    private sealed class CountingSink : ICommandSink
    {
        public int Count { get; private set; }

        public void Post(NavCommand command) => Count++;
    }

    /// <summary>
    /// FakeTimeProvider allocates a waiter on every timer change, which would hide the button's own zero. This
    /// clock holds the one one-shot timer a button arms and allocates nothing after it is made; everything else
    /// in the tests uses FakeTimeProvider.
    /// </summary>
    private sealed class OneShotClock : TimeProvider
    {
        private long _now;
        private Timer? _timer;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _now;

        public override DateTimeOffset GetUtcNow() => FakeClock.DefaultStart + TimeSpan.FromTicks(_now);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Assert.Null(_timer);
            _timer = new Timer(this, callback, state);
            _timer.Change(dueTime, period);
            return _timer;
        }

        public void Advance(TimeSpan delta)
        {
            long target = _now + delta.Ticks;
            while (_timer is { DueAt: long at } t && at <= target)
            {
                _now = Math.Max(_now, at);
                t.DueAt = null;
                t.Fire();
            }

            _now = target;
        }

        private sealed class Timer(OneShotClock clock, TimerCallback callback, object? state) : ITimer
        {
            public long? DueAt { get; set; }

            public void Fire() => callback(state);

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime.Ticks;
                return true;
            }

            public void Dispose() => DueAt = null;

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
