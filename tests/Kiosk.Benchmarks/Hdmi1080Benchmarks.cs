using BenchmarkDotNet.Attributes;
using Kiosk.Render.Benchmarks;
using Kiosk.Render.Profiles;

namespace Kiosk.Benchmarks;

/// <summary>1920x1080: a warm morph frame and a cold first render, against a frame memcpy.</summary>
[MemoryDiagnoser]
public class Hdmi1080Benchmarks
{
    private FrameCopyBaseline _copy = null!;
    private TransitionWorkload _transition = null!;
    private FirstRenderWorkload _firstRender = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pack = BuiltinPack.Value;
        _copy = new FrameCopyBaseline(1920, 1080);
        _transition = new TransitionWorkload(pack.Content, pack.Fonts, DisplayProfile.Hdmi, toRgb565: false);
        _firstRender = new FirstRenderWorkload(pack.Content, pack.Fonts, DisplayProfile.Hdmi);
    }

    [GlobalCleanup]
    public void Cleanup() => _transition.Dispose();

    [Benchmark(Baseline = true)]
    public void Memcpy() => _copy.Run();

    [Benchmark]
    public long TransitionFrame() => _transition.Run();

    [Benchmark]
    public long FirstRender() => _firstRender.Run();
}
