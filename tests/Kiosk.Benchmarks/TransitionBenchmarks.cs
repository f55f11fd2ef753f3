using BenchmarkDotNet.Attributes;
using Kiosk.Bench;
using Kiosk.Render.Profiles;

namespace Kiosk.Benchmarks;

/// <summary>
/// A warm frame of every transition kind at one profile against a memcpy of that profile's frame; each profile's
/// class adds the workloads only it has a goal for.
/// </summary>
[MemoryDiagnoser]
public abstract class TransitionBenchmarks(DisplayProfile profile)
{
    private FrameCopyBaseline _copy = null!;
    private TransitionSet _transitions = null!;

    protected DisplayProfile Profile { get; } = profile;

    [GlobalSetup]
    public void Setup()
    {
        _copy = new FrameCopyBaseline(Profile.Width, Profile.Height);
        _transitions = new TransitionSet(Profile);
        SetupExtra();
    }

    /// <summary>The subclass's own workloads, built after the shared ones.</summary>
    protected abstract void SetupExtra();

    [GlobalCleanup]
    public void Cleanup() => _transitions.Dispose();

    [Benchmark(Baseline = true)]
    public void Memcpy() => _copy.Run();

    [Benchmark]
    public long Morph() => _transitions["morph"].Run();

    [Benchmark]
    public long CrossFade() => _transitions["cross-fade"].Run();

    [Benchmark]
    public long Fade() => _transitions["fade"].Run();

    [Benchmark]
    public long Slide() => _transitions["slide"].Run();

    [Benchmark]
    public long Attract() => _transitions["attract"].Run();
}
