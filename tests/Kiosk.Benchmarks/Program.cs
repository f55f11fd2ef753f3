using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Kiosk.Benchmarks;
using Kiosk.Bench;

// In-process, so the run needs no generated project (and no second restore) on a shared 2-core machine;
// a short job, since the goals are ratios with generous margins, not nanosecond comparisons.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithLaunchCount(1)
    .WithWarmupCount(3)
    .WithIterationCount(10);
var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
// Arguments are BenchmarkDotNet's own, e.g. --filter '*Spi320*' to run one class.
var summaries = BenchmarkRunner.Run([typeof(Hdmi1080Benchmarks), typeof(Spi320Benchmarks)], config, args);

Console.WriteLine();
Console.WriteLine(BenchTable.Format(GoalReport.Rows(summaries, BuiltinPack.Value)));
