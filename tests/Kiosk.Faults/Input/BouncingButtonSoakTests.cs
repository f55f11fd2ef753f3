using Microsoft.Extensions.Time.Testing;
using System.Device.Gpio;
using System.Diagnostics;
using Kiosk.Faults.Support;
using Kiosk.Host.Input;
using Kiosk.Host.Navigation;
using Kiosk.Host.Tests.Fakes;
using Xunit.Abstractions;

namespace Kiosk.Faults.Input;

/// <summary>
/// Scripted presses with contact chatter (1–20 ms of bounces at both ends), random pauses and long Home holds,
/// through a <see cref="GpioDriver"/> subclass, the GPIO controller and the debouncer. After each press and its
/// pause the commands posted must be exactly the one intended: anything more is spurious, anything less missed.
/// </summary>
public sealed class BouncingButtonSoakTests(ITestOutputHelper output)
{
    private const string Area = "3 bouncing buttons";
    private static readonly NavCommand[] Buttons = [NavCommand.Next, NavCommand.Previous, NavCommand.Select, NavCommand.Back, NavCommand.Home];

    [Fact]
    public void Chattering_presses_give_no_spurious_and_no_missed_commands()
    {
        int presses = FaultSettings.Pick(1_000_000, 5_000_000);
        var clock = FakeClock.Create();
        var driver = new FakeGpioDriver(clock);
        var options = new GpioButtonOptions();
        var sink = new CountingSink();
        using var source = new GpioButtonSource(options, sink, clock, () => new GpioController(driver));
        source.Start();
        var random = new Random(FaultSettings.Seed);
        PinValue pressed = options.ActiveLow ? PinValue.Low : PinValue.High;
        PinValue released = options.ActiveLow ? PinValue.High : PinValue.Low;

        long spurious = 0, missed = 0, longHolds = 0;
        var at = TimeSpan.FromMilliseconds(10);
        var wall = Stopwatch.StartNew();
        for (int i = 0; i < presses; i++)
        {
            var button = Buttons[random.Next(Buttons.Length)];
            int pin = options.Pins[button];
            bool hold = button == NavCommand.Home && random.Next(4) == 0;
            at = Bounce(driver, random, pin, pressed, released, at);

            // Short presses end (chatter included) well before the 800 ms long-press time, long ones well after.
            at += hold ? Ms(random, 900, 3000) : Ms(random, 40, 700);
            at = Bounce(driver, random, pin, released, pressed, at);
            at += Ms(random, 40, 600);

            // Settle the pause: the release's debounce timer fires here at the latest.
            clock.AdvanceTo(FakeClock.DefaultStart + at);
            var intended = hold ? NavCommand.HomeLong : button;
            longHolds += hold ? 1 : 0;
            var posted = sink.Drain();
            int right = posted.Count(c => c == intended);
            missed += right == 0 ? 1 : 0;
            spurious += posted.Count - Math.Min(right, 1);
        }

        wall.Stop();
        Results.Record(output, Area, $"presses ({Results.Mode} run; {Results.Number(longHolds)} long Home holds)", Results.Number(presses));
        Results.Record(output, Area, "edges fed through the GPIO driver", Results.Number(driver.Edges));
        Results.Record(output, Area, "spurious commands", Results.Number(spurious), "0");
        Results.Record(output, Area, "missed commands", Results.Number(missed), "0");
        Results.Record(output, Area, "throughput", $"{Results.Number(presses / wall.Elapsed.TotalSeconds)} presses/s");

        Assert.True(driver.Edges > 4L * presses, $"only {driver.Edges} edges for {presses} presses: the script does not bounce");
        Assert.Equal(0, spurious);
        Assert.Equal(0, missed);
    }

    /// <summary>1–20 ms of chatter starting at <paramref name="at"/> and ending at <paramref name="level"/>; returns the last edge's time.</summary>
    private static TimeSpan Bounce(FakeGpioDriver driver, Random random, int pin, PinValue level, PinValue other, TimeSpan at)
    {
        TimeSpan chatter = Ms(random, 1, 20);
        int bounces = random.Next(1, 8);
        Span<long> times = stackalloc long[(2 * bounces) - 1];
        for (int i = 0; i < times.Length; i++)
        {
            times[i] = (long)(random.NextDouble() * chatter.Ticks);
        }

        times.Sort();
        driver.Edge(pin, level, at);
        for (int i = 0; i < times.Length; i++)
        {
            driver.Edge(pin, i % 2 == 0 ? other : level, at + TimeSpan.FromTicks(times[i]));
        }

        at += chatter;
        driver.Edge(pin, level, at);
        return at;
    }

    private static TimeSpan Ms(Random random, double min, double max) => TimeSpan.FromMilliseconds(min + (random.NextDouble() * (max - min)));
}
