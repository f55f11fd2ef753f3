using Microsoft.Extensions.Time.Testing;
using Kiosk.Content.Packing;
using Kiosk.Faults.Soak;
using Kiosk.Faults.Support;
using Kiosk.Host.Display.Png;
using Kiosk.Host.Display;
using Kiosk.Host.Input;
using Kiosk.Host.Loop;
using Kiosk.Host.Navigation;
using Kiosk.Host.Tests.Fakes;
using Kiosk.Render.Profiles;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Kiosk.Faults.Display;

/// <summary>
/// Displays that throw, or vanish for a while and come back, behind <see cref="SinkGuard"/> and
/// <see cref="DisplaySet"/>. The vanishing and watchdog tests run the frame loop's own turn, <see cref="FrameCycle"/>,
/// with presses posted to a <see cref="CommandQueue"/>; the test does only the loop's waiting (<see cref="Next"/>)
/// and, for the watchdog, FrameLoop's ping rule.
/// </summary>
public sealed class DisplayFaultTests(ITestOutputHelper output)
{
    private const string Area = "5 display faults";
    private static readonly NavCommand[] Commands = [NavCommand.Next, NavCommand.Select, NavCommand.Next, NavCommand.Back, NavCommand.Previous, NavCommand.Home];

    // SinkGuard's back-off: 1 s doubling, capped at SinkGuard.MaxBackoff so a try always comes before DisplaySet.GiveUpAfter.
    private static readonly double[] ExpectedGaps = [1, 2, 4, 8, Math.Min(16, SinkGuard.MaxBackoff.TotalSeconds), SinkGuard.MaxBackoff.TotalSeconds];

    // 50 fps while moving (every step falls on a 20 ms grid: no drift from 1/60 s), 200 ms idle wait.
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan PressEvery = TimeSpan.FromSeconds(1.5);

    [Fact]
    public void A_display_that_vanishes_is_retried_with_back_off_and_gets_a_full_frame_when_back()
    {
        var clock = FakeClock.Create();
        var start = clock.GetUtcNow();
        var now = start;
        var pack = PackReader.Read(SeedPacks.A);
        var sink = new FaultySink(320, 240, clock);
        // Long enough for the whole back-off ladder (tries at 0, 1, 3, 7, 15, 29, 43 and 57 s into the outage).
        var outage = (From: start + TimeSpan.FromSeconds(10), To: start + TimeSpan.FromSeconds(60));
        sink.Failure = t => t >= outage.From && t < outage.To ? new IOException("panel unplugged") : null;
        var logger = new CapturingLogger<DisplaySet>();
        using var displays = new DisplaySet([sink], DisplayProfile.Spi320, clock, logger);
        var commands = new CommandQueue();
        using var cycle = new FrameCycle(pack, new NavigatorOptions(), commands, displays, start);

        // A never-failing run, sent the same presses at the same times.
        using var referenceSink = new NullSink(320, 240);
        using var referenceDisplays = new DisplaySet([referenceSink], DisplayProfile.Spi320, clock, NullLogger.Instance);
        var referenceCommands = new CommandQueue();
        using var reference = new FrameCycle(pack, new NavigatorOptions(), referenceCommands, referenceDisplays, start);

        // Presses every 1.5 s until 40 s, then none: from 40.4 s to the 90 s idle timeout nothing on screen changes,
        // so the display, back at 60 s, can only get a picture from the frame cycle's re-present.
        var lastPress = start + TimeSpan.FromSeconds(40);
        var nextPress = start + TimeSpan.FromSeconds(1);
        long presses = 0, framesWhenBack = -1, framesAtFirstBack = -1;
        bool? renderedAtFirstBack = null;
        while (now - start < TimeSpan.FromSeconds(90))
        {
            if (now >= nextPress)
            {
                var command = Commands[presses++ % Commands.Length];
                commands.Post(command);
                referenceCommands.Post(command);
                nextPress = now + PressEvery <= lastPress ? now + PressEvery : DateTimeOffset.MaxValue;
            }

            if (now >= outage.To && framesWhenBack < 0)
            {
                framesWhenBack = cycle.Frames;
            }

            int taken = sink.Taken.Count;
            bool rendered = cycle.Step(now);
            reference.Step(now);
            if (now >= outage.To && renderedAtFirstBack is null && sink.Taken.Count > taken)
            {
                (renderedAtFirstBack, framesAtFirstBack) = (rendered, cycle.Frames);
            }

            now = Next(now, nextPress, cycle, reference);
            clock.AdvanceTo(now);
        }

        var attempts = sink.FailedAt;
        var gaps = attempts.Zip(attempts.Skip(1), (x, y) => (y - x).TotalSeconds).ToList();
        var firstBack = sink.Taken.First(t => t.At >= outage.To);
        var delay = firstBack.At - outage.To;
        var lastBackOff = firstBack.At - attempts[^1];
        bool stateKept = cycle.Navigator.Screen == reference.Navigator.Screen && cycle.Navigator.Version == reference.Navigator.Version;
        Results.Record(output, Area, "vanishing display: outage / frames rendered meanwhile / present attempts", $"{(outage.To - outage.From).TotalSeconds:F0} s / {Results.Number(cycle.Frames)} frames overall / {attempts.Count} attempts");
        Results.Record(output, Area, "gaps between retries while gone", string.Join(", ", gaps.Select(g => $"{g:F1}")) + " s", string.Join(", ", ExpectedGaps) + " s");
        Results.Record(output, Area, "errors logged during the outage", Results.Number(logger.Errors), ">= 1");
        Results.Record(output, Area, "first frame after recovery: full / delay after the display came back", $"{firstBack.Full} / {delay.TotalSeconds:F1} s (re-presented, nothing on screen changed: {renderedAtFirstBack == false}; back-off then {lastBackOff.TotalSeconds:F1} s)", $"True / <= {SinkGuard.MaxBackoff.TotalSeconds:F0} s");
        Results.Record(output, Area, "navigator state after the outage equals a never-failing run", stateKept.ToString(), "True");

        Assert.Equal(attempts.Count, logger.Errors);
        Assert.Equal(ExpectedGaps.Length, gaps.Count);
        for (int i = 0; i < gaps.Count; i++)
        {
            // A try is due at its time and made at the loop's next turn: late by less than one idle wait.
            Assert.True(Math.Abs(gaps[i] - ExpectedGaps[i]) < IdleWait.TotalSeconds, $"gap {i + 1} was {gaps[i]:F2} s, expected {ExpectedGaps[i]} s: " + string.Join(", ", gaps));
        }

        Assert.True(firstBack.Full, "the first frame after the display came back was not a full frame");
        Assert.False(renderedAtFirstBack, "the first frame after recovery came from a new render, so the re-present was not tested");
        Assert.Equal(framesWhenBack, framesAtFirstBack);
        Assert.InRange(lastBackOff, TimeSpan.FromSeconds(ExpectedGaps[^1]), TimeSpan.FromSeconds(ExpectedGaps[^1]) + IdleWait);
        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(ExpectedGaps[^1]));
        Assert.Equal(reference.Navigator.Screen, cycle.Navigator.Screen);
        Assert.Equal(reference.Navigator.Version, cycle.Navigator.Version);
        Assert.Equal(reference.Frames, cycle.Frames);
        Assert.False(displays.RetryDue);
        Assert.True(displays.AnyUsable(clock));
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(ArgumentException))]
    [InlineData(typeof(NullReferenceException))]
    public void A_display_that_throws_is_contained_and_the_next_frame_it_takes_is_full(Type exceptionType)
    {
        var clock = FakeClock.Create();
        var sink = new FaultySink(320, 240, clock);
        int calls = 0;
        sink.Failure = _ => ++calls % 3 == 0 ? (Exception)Activator.CreateInstance(exceptionType, "driver bug")! : null;
        var logger = new CapturingLogger<DisplaySet>();
        var guard = new SinkGuard(sink, clock, logger);
        var frame = new Kiosk.Render.Frames.Frame(320, 240);
        int thrown = 0;
        for (int i = 0; i < 60; i++)
        {
            frame.SetDirty([new Kiosk.Render.Frames.PixelRect(0, 0, 10, 10)]);
            try
            {
                guard.TryPresent(frame, force: false);
            }
            catch (Exception)
            {
                thrown++;
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var afterFailure = sink.Taken.Where((t, i) => i > 0).Zip(sink.Taken, (b, a) => b).ToList();
        bool fullAfterEachFailure = sink.FailedAt.All(f => sink.Taken.FirstOrDefault(t => t.At > f) is var next && (next == default || next.Full));
        Results.Record(output, Area, $"sink throwing {exceptionType.Name} every 3rd frame: escaped / logged / full frame after each failure", $"{thrown} / {logger.Errors} / {fullAfterEachFailure}", "0 escaped");

        Assert.Equal(0, thrown);
        Assert.Equal(sink.FailedAt.Count, logger.Errors);
        Assert.True(fullAfterEachFailure);
        Assert.NotEmpty(afterFailure);
    }

    [Fact]
    public void Watchdog_pings_stop_only_when_no_display_can_recover()
    {
        using var dir = new TempDir();
        string frames = dir.Combine("frames");
        var clock = FakeClock.Create();
        var start = clock.GetUtcNow();
        var now = start;
        // A real PNG display; the wrapper only notes when it fails and when it takes a frame.
        var sink = new FaultySink(320, 240, clock, new PngSink(frames, 320, 240, maxFiles: 20));
        var logger = new CapturingLogger<DisplaySet>();
        using var displays = new DisplaySet([sink], DisplayProfile.Spi320, clock, logger);
        var commands = new CommandQueue();
        using var cycle = new FrameCycle(PackReader.Read(SeedPacks.A), new NavigatorOptions(), commands, displays, start);

        // The frame loop's own watchdog rule, asked after each turn as FrameLoop does.
        var watchdog = new WatchdogRule(displays, clock);
        DateTimeOffset? firstUnusable = null;
        var nextPress = start;
        long presses = 0;

        // A press every 5 s, so there is a frame for a display to fail on.
        int Run(TimeSpan length, out DateTimeOffset? lastPingAt)
        {
            int pings = 0;
            lastPingAt = null;
            var end = now + length;
            while (now < end)
            {
                if (now >= nextPress)
                {
                    commands.Post(presses++ % 2 == 0 ? NavCommand.Next : NavCommand.Previous);
                    nextPress = now + TimeSpan.FromSeconds(5);
                }

                cycle.Step(now);
                if (watchdog.TryPing())
                {
                    pings++;
                    lastPingAt = now;
                }

                if (!displays.AnyUsable(clock))
                {
                    firstUnusable ??= now;
                }

                now = Next(now, nextPress, cycle);
                clock.AdvanceTo(now);
            }

            return pings;
        }

        int healthy = Run(TimeSpan.FromSeconds(10), out _);

        // The panel goes away for 40 s (its folder replaced by a file: every write fails) and comes back.
        Directory.Delete(frames, recursive: true);
        File.WriteAllText(frames, "not a folder");
        int during = Run(TimeSpan.FromSeconds(40), out _);
        File.Delete(frames);
        Directory.CreateDirectory(frames);
        var backAt = now;
        int recovered = Run(TimeSpan.FromSeconds(40), out _);
        bool usableAfterRecovery = displays.AnyUsable(clock) && firstUnusable is null;

        // Now it goes away for good.
        Directory.Delete(frames, recursive: true);
        File.WriteAllText(frames, "not a folder");
        var goneAt = now;
        int gone = Run(TimeSpan.FromSeconds(120), out var lastPing2);
        var stoppedAfter = lastPing2 - goneAt;
        var failingFrom = sink.FailedAt.First(t => t >= goneAt);
        var unusableAfter = firstUnusable - failingFrom;

        Results.Record(output, Area, "watchdog pings: healthy 10 s / 40 s outage / 40 s after recovery", $"{healthy} / {during} / {recovered}", "10 / 40 / 40");
        Results.Record(output, Area, "display gone for good: pings stop after", $"{stoppedAfter?.TotalSeconds:F0} s (AnyUsable false {unusableAfter?.TotalSeconds:F1} s after its first failure; GiveUpAfter {DisplaySet.GiveUpAfter.TotalSeconds:F0} s)", "AnyUsable false at GiveUpAfter");
        Results.Record(output, Area, "errors logged by the display set", Results.Number(logger.Errors), ">= 1");

        Assert.Equal(10, healthy);
        Assert.Equal(40, during);
        Assert.Equal(40, recovered);
        Assert.True(usableAfterRecovery, $"AnyUsable went false at {firstUnusable - start} while the display could still recover");
        Assert.Contains(sink.Taken, t => t.At >= backAt && t.At < goneAt && t.Full);
        Assert.NotNull(firstUnusable);
        // Not before GiveUpAfter with no working display, and at the first turn after it.
        Assert.InRange(unusableAfter!.Value, DisplaySet.GiveUpAfter, DisplaySet.GiveUpAfter + IdleWait);
        Assert.NotNull(stoppedAfter);
        Assert.InRange(stoppedAfter!.Value, DisplaySet.GiveUpAfter - TimeSpan.FromSeconds(2), DisplaySet.GiveUpAfter);
        Assert.False(displays.AnyUsable(clock));
        Assert.True(gone < 120);
        Assert.Equal(sink.FailedAt.Count, logger.Errors);
    }

    /// <summary>
    /// The frame loop's waiting, which <see cref="FrameCycle"/> leaves out: 1/MaxFps while a transition plays,
    /// the loop's 200 ms idle wait otherwise, and no later than the next press (a press wakes the loop).
    /// </summary>
    private static DateTimeOffset Next(DateTimeOffset now, DateTimeOffset nextPress, params FrameCycle[] cycles)
    {
        var next = now + (cycles.Any(c => c.Navigator.IsAnimating(now)) ? FrameInterval : IdleWait);
        return nextPress > now && nextPress < next ? nextPress : next;
    }
}
