using System.Diagnostics;
using Kiosk.Content.Packing;
using Kiosk.Host.Display;
using Kiosk.Host.Input;
using Kiosk.Host.Loop;
using Kiosk.Host.Navigation;
using Kiosk.Render.Benchmarks;
using Kiosk.Render.Frames;
using Kiosk.Render.Profiles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Host.Benchmarks;

/// <summary>
/// Button press to frame in the display sink, in process: a command posted to the queue, one turn of the real
/// <see cref="FrameCycle"/> (navigator, renderer, dirty rectangles, display guard), until the sink holds the first
/// frame of the new transition. Phase steps on a coupling diagram, the heaviest frame a press causes.
/// </summary>
public static class PressLatency
{
    public const double GoalMs = 1000.0 / 60; // within one frame at 60 fps

    public sealed record Result(DisplayProfile Profile, double P50Ms, double P99Ms, double MemcpyMs, int Presses);

    public static Result Measure(LoadedPack pack, DisplayProfile profile, int presses = 300, int warmUp = 40)
    {
        var sink = new TimingSink(profile);
        using var displays = new DisplaySet([sink], profile, TimeProvider.System, NullLogger.Instance);
        var commands = new CommandQueue();
        var now = DateTimeOffset.UnixEpoch;
        using var cycle = new FrameCycle(pack, new NavigatorOptions(), commands, displays, now);
        cycle.Step(now);
        foreach (var command in new[] { NavCommand.Select, NavCommand.Next, NavCommand.Select })
        {
            commands.Post(command);
            now += TimeSpan.FromSeconds(1);
            cycle.Step(now);
        }

        int phases = pack.Content.Cases[0].Phases.Count;
        int phase = 0, direction = 1;
        var samples = new List<double>(presses);
        for (int i = 0; i < presses + warmUp; i++)
        {
            now += TimeSpan.FromSeconds(1);
            cycle.Step(now); // at rest before each press
            if (phase + direction < 0 || phase + direction >= phases)
            {
                direction = -direction;
            }

            phase += direction;
            long before = sink.Presented;
            long t0 = Stopwatch.GetTimestamp();
            commands.Post(direction > 0 ? NavCommand.Next : NavCommand.Previous);
            now += TimeSpan.FromMilliseconds(16);
            cycle.Step(now);
            if (sink.Presented == before)
            {
                throw new InvalidOperationException("a press reached no display: the latency harness is broken");
            }

            if (i >= warmUp)
            {
                samples.Add(Stopwatch.GetElapsedTime(t0, sink.LastAt).TotalMilliseconds);
            }
        }

        samples.Sort();
        var copy = new FrameCopyBaseline(profile.Width, profile.Height);
        for (int i = 0; i < 20; i++)
        {
            copy.Run();
        }

        long c0 = Stopwatch.GetTimestamp();
        const int copies = 200;
        for (int i = 0; i < copies; i++)
        {
            copy.Run();
        }

        double memcpy = Stopwatch.GetElapsedTime(c0).TotalMilliseconds / copies;
        return new Result(profile, Percentile(samples, 0.50), Percentile(samples, 0.99), memcpy, samples.Count);
    }

    public static IEnumerable<BenchRow> Rows(Result r) =>
    [
        new($"press -> frame in sink, {r.Profile.Name}, p50", r.P50Ms, GoalMs, BenchUnit.Milliseconds) { MemcpyMs = r.MemcpyMs },
        new($"press -> frame in sink, {r.Profile.Name}, p99", r.P99Ms, GoalMs, BenchUnit.Milliseconds) { MemcpyMs = r.MemcpyMs },
    ];

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    /// <summary>A display that only notes when a frame arrived.</summary>
    private sealed class TimingSink(DisplayProfile profile) : IDisplaySink
    {
        public string Name => "timing";

        public int Width => profile.Width;

        public int Height => profile.Height;

        public long Presented { get; private set; }

        public long LastAt { get; private set; }

        // Every frame counts: the first frame of an eased transition may differ from the last by nothing visible,
        // but it is the frame the press produced.
        public void Present(Frame frame, IReadOnlyList<PixelRect> dirty)
        {
            LastAt = Stopwatch.GetTimestamp();
            Presented++;
        }

        public void Dispose()
        {
        }
    }
}
