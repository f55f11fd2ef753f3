using System.Diagnostics;
using Kiosk.Render.Profiles;

namespace Kiosk.Bench;

/// <summary>
/// Button press to frame in the display sink, in process, timed through an <see cref="IPressRig"/>: the host
/// hands in its real frame cycle (queue, navigator, renderer, dirty rectangles, display guard) on a coupling
/// diagram, the heaviest frame a press causes. Presses step back and forth through the case's phases.
/// </summary>
public static class PressLatency
{
    public const double GoalMs = 1000.0 / 60; // within one frame at 60 fps

    public sealed record Result(DisplayProfile Profile, double P50Ms, double P99Ms, double MemcpyMs, int Presses);

    public static Result Measure(IPressRig rig, int presses = 300, int warmUp = 40)
    {
        int phase = 0, direction = 1;
        var samples = new List<double>(presses);
        for (int i = 0; i < presses + warmUp; i++)
        {
            rig.Settle(); // at rest before each press
            if (phase + direction < 0 || phase + direction >= rig.Phases)
            {
                direction = -direction;
            }

            phase += direction;
            long t0 = Stopwatch.GetTimestamp();
            long presented = rig.Press(forward: direction > 0);
            if (i >= warmUp)
            {
                samples.Add(Stopwatch.GetElapsedTime(t0, presented).TotalMilliseconds);
            }
        }

        samples.Sort();
        var copy = new FrameCopyBaseline(rig.Profile.Width, rig.Profile.Height);
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
        return new Result(rig.Profile, Percentile(samples, 0.50), Percentile(samples, 0.99), memcpy, samples.Count);
    }

    public static IEnumerable<BenchRow> Rows(Result r) =>
    [
        new($"press -> frame in sink, {r.Profile.Name}, p50", r.P50Ms, GoalMs, BenchUnit.Milliseconds) { MemcpyMs = r.MemcpyMs },
        new($"press -> frame in sink, {r.Profile.Name}, p99", r.P99Ms, GoalMs, BenchUnit.Milliseconds) { MemcpyMs = r.MemcpyMs },
    ];

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
