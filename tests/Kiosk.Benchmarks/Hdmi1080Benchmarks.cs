using BenchmarkDotNet.Attributes;
using Kiosk.Bench;
using Kiosk.Render.Profiles;

namespace Kiosk.Benchmarks;

/// <summary>1920x1080: a warm frame of every transition kind and a cold first render, against a frame memcpy.</summary>
[MemoryDiagnoser]
public class Hdmi1080Benchmarks
{
    private FrameCopyBaseline _copy = null!;
    private TransitionSet _transitions = null!;
    private FirstRenderWorkload _firstRender = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pack = BuiltinPack.Value;
        _copy = new FrameCopyBaseline(1920, 1080);
        _transitions = new TransitionSet(DisplayProfile.Hdmi);
        _firstRender = new FirstRenderWorkload(pack.Content, pack.Fonts, DisplayProfile.Hdmi);
    }

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

    [Benchmark]
    public long FirstRender() => _firstRender.Run();
}
