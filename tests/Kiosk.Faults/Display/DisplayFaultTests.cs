using Kiosk.Content.Packing;
using Kiosk.Faults.Support;
using Kiosk.Host.Display;
using Kiosk.Host.Display.Preview;
using Kiosk.Host.Hosting;
using Kiosk.Host.Navigation;
using Kiosk.Host.Tests.Fakes;
using Kiosk.Render;
using Kiosk.Render.Profiles;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace Kiosk.Faults.Display;

/// <summary>
/// Displays that throw, or vanish for a while and come back, behind <see cref="SinkGuard"/> and
/// <see cref="DisplaySet"/>, with the navigator and renderer driven as the frame loop drives them.
/// </summary>
public sealed class DisplayFaultTests(ITestOutputHelper output)
{
    private const string Area = "5 display faults";
    private static readonly NavCommand[] Commands = [NavCommand.Next, NavCommand.Select, NavCommand.Next, NavCommand.Back, NavCommand.Previous, NavCommand.Home];

    [Fact]
    public void A_display_that_vanishes_is_retried_with_back_off_and_gets_a_full_frame_when_back()
    {
        var clock = new ManualTimeProvider();
        var start = clock.GetUtcNow();
        var pack = PackReader.Read(SeedPacks.A);
        var sink = new FaultySink(320, 240, clock);
        var outage = (From: start + TimeSpan.FromSeconds(10), To: start + TimeSpan.FromSeconds(40));
        sink.Failure = now => now >= outage.From && now < outage.To ? new IOException("panel unplugged") : null;
        var logger = new CapturingLogger<DisplaySet>();
        var guard = new SinkGuard(sink, clock, logger);
        var navigator = new Navigator(pack.Content, new NavigatorOptions(), start);
        var reference = new Navigator(pack.Content, new NavigatorOptions(), start);
        using var renderer = new SceneRenderer(pack.Content, pack.Fonts, DisplayProfile.Spi320);

        long rendered = -1, frames = 0, presses = 0;
        var nextPress = start + TimeSpan.FromSeconds(1);
        while (clock.GetUtcNow() - start < TimeSpan.FromSeconds(90))
        {
            var now = clock.GetUtcNow();
            if (now >= nextPress)
            {
                var command = Commands[presses++ % Commands.Length];
                navigator.Apply(command, now);
                reference.Apply(command, now);
                nextPress = now + TimeSpan.FromSeconds(1.5);
            }

            navigator.Tick(now);
            reference.Tick(now);
            if (navigator.NeedsFrame(rendered, now))
            {
                rendered = navigator.Version;
                guard.TryPresent(renderer.Render(navigator.Current(now)), force: frames++ == 0);
            }

            clock.Advance(navigator.IsAnimating(now) ? TimeSpan.FromSeconds(1.0 / 30) : TimeSpan.FromMilliseconds(200));
        }

        var attempts = sink.FailedAt;
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        var firstBack = sink.Taken.First(t => t.At >= outage.To);
        Results.Record(output, Area, "vanishing display: outage / frames rendered meanwhile / present attempts", $"30 s / {Results.Number(frames)} frames overall / {attempts.Count} attempts");
        Results.Record(output, Area, "gaps between retries while gone", string.Join(", ", gaps.Select(g => $"{g:F1}")) + " s");
        Results.Record(output, Area, "errors logged during the outage", Results.Number(logger.Errors), ">= 1");
        Results.Record(output, Area, "first frame after recovery: full / delay after the display came back", $"{firstBack.Full} / {(firstBack.At - outage.To).TotalSeconds:F1} s");
        Results.Record(output, Area, "navigator state after the outage equals a never-failing run", (navigator.Screen == reference.Screen && navigator.Version == reference.Version).ToString());

        Assert.Equal(attempts.Count, logger.Errors);
        Assert.All(gaps, g => Assert.True(g >= 1.0, $"retried after {g:F2} s: no back-off"));
        Assert.True(gaps.Zip(gaps.Skip(1)).All(p => p.Second >= p.First - 0.25), "back-off does not grow: " + string.Join(", ", gaps));
        Assert.True(firstBack.Full, "the first frame after the display came back was not a full frame");
        Assert.Equal(reference.Screen, navigator.Screen);
        Assert.Null(guard.FailingSince);
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(ArgumentException))]
    [InlineData(typeof(NullReferenceException))]
    public void A_display_that_throws_is_contained_and_the_next_frame_it_takes_is_full(Type exceptionType)
    {
        var clock = new ManualTimeProvider();
        var sink = new FaultySink(320, 240, clock);
        int calls = 0;
        sink.Failure = _ => ++calls % 3 == 0 ? (Exception)Activator.CreateInstance(exceptionType, "driver bug")! : null;
        var logger = new CapturingLogger<DisplaySet>();
        var guard = new SinkGuard(sink, clock, logger);
        var frame = new Kiosk.Render.Frames.Frame(320, 240);
        int thrown = 0;
        for (int i = 0; i < 60; i++)
        {
            frame.Dirty.Clear();
            frame.Dirty.Add(new Kiosk.Render.Frames.PixelRect(0, 0, 10, 10));
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
        var config = KioskConfiguration.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kiosk:Display"] = "png:" + frames,
            ["Kiosk:Profile"] = "320x240",
        }).Build());
        var clock = new ManualTimeProvider();
        var logger = new CapturingLogger<DisplaySet>();
        using var displays = new DisplaySet(config, DisplaySinkFactory.ForRaspberryPi(), new PreviewSink(), clock, logger);
        var frame = new Kiosk.Render.Frames.Frame(320, 240);
        frame.Dirty.Add(frame.Bounds);

        // Ping as the frame loop does: once a second, only while some display is usable.
        int Run(TimeSpan length, out TimeSpan? lastPing)
        {
            int pings = 0;
            lastPing = null;
            var end = clock.GetUtcNow() + length;
            while (clock.GetUtcNow() < end)
            {
                displays.Present(frame, force: false);
                if (displays.AnyUsable(clock))
                {
                    pings++;
                    lastPing = clock.GetUtcNow() - ManualTimeProvider.DefaultStart;
                }

                clock.Advance(TimeSpan.FromSeconds(1));
            }

            return pings;
        }

        int healthy = Run(TimeSpan.FromSeconds(10), out _);

        // The panel goes away for 40 s (its folder replaced by a file: every write fails) and comes back.
        Directory.Delete(frames, recursive: true);
        File.WriteAllText(frames, "not a folder");
        var outageStart = clock.GetUtcNow() - ManualTimeProvider.DefaultStart;
        int during = Run(TimeSpan.FromSeconds(40), out _);
        File.Delete(frames);
        Directory.CreateDirectory(frames);
        int recovered = Run(TimeSpan.FromSeconds(40), out _);
        bool usableAfterRecovery = displays.AnyUsable(clock);

        // Now it goes away for good.
        Directory.Delete(frames, recursive: true);
        File.WriteAllText(frames, "not a folder");
        var goneAt = clock.GetUtcNow() - ManualTimeProvider.DefaultStart;
        int gone = Run(TimeSpan.FromSeconds(120), out var lastPing);
        var stoppedAfter = lastPing - goneAt;

        Results.Record(output, Area, "watchdog pings: healthy 10 s / 40 s outage / 40 s after recovery", $"{healthy} / {during} / {recovered}", "10 / 40 / 40");
        Results.Record(output, Area, "display gone for good: pings stop after", $"{stoppedAfter?.TotalSeconds:F0} s (GiveUpAfter {DisplaySet.GiveUpAfter.TotalSeconds:F0} s)");
        Results.Record(output, Area, "errors logged by the display set", Results.Number(logger.Errors), ">= 1");

        Assert.Equal(10, healthy);
        Assert.Equal(40, during);
        // Not 40: see the README (a display back after 31 s is only retried at 61 s, past GiveUpAfter).
        Assert.True(recovered >= 30, $"only {recovered} pings in the 40 s after the display came back");
        Assert.True(usableAfterRecovery);
        Assert.NotNull(stoppedAfter);
        Assert.InRange(stoppedAfter!.Value, DisplaySet.GiveUpAfter - TimeSpan.FromSeconds(2), DisplaySet.GiveUpAfter + TimeSpan.FromSeconds(1));
        Assert.False(displays.AnyUsable(clock));
        Assert.True(gone < 120);
        Assert.True(logger.Errors > 0);
        Assert.True(outageStart > TimeSpan.Zero);
    }
}
