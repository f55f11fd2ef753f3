using System.Diagnostics;

namespace Kiosk.Bench;

/// <summary>
/// A quick, rough ratio of two operations' times: batches of each, alternated so both see the same machine
/// load, for a fixed time budget; the median of the per-pair ratios shrugs off the odd disturbed batch.
/// </summary>
public static class RatioTimer
{
    private static readonly TimeSpan _batch = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan _warmUp = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan _maxWarmUp = TimeSpan.FromSeconds(1.5);

    public static double MedianRatio(Action baseline, Action workload, TimeSpan budget)
    {
        int baselineOps = OpsPerBatch(baseline);
        int workloadOps = OpsPerBatch(workload);
        var ratios = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget || ratios.Count < 3)
        {
            double b = Time(baseline, baselineOps) / baselineOps;
            double w = Time(workload, workloadOps) / workloadOps;
            ratios.Add(w / b);
        }

        ratios.Sort();
        return ratios[ratios.Count / 2];
    }

    /// <summary>How many operations fill one batch, after a warm-up long enough for tiered JIT to finish.</summary>
    private static int OpsPerBatch(Action op)
    {
        // Vector code runs many times slower before tier-1 compilation (30 calls, then a short delay).
        var warm = Stopwatch.StartNew();
        for (int calls = 0; (calls < 60 || warm.Elapsed < _warmUp) && warm.Elapsed < _maxWarmUp; calls++)
        {
            op();
        }

        double one = Math.Max(Time(op, 1), 1e-7);
        return (int)Math.Clamp(Math.Ceiling(_batch.TotalSeconds / one), 1, 1_000_000);
    }

    private static double Time(Action op, int count)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < count; i++)
        {
            op();
        }

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
