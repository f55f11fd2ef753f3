using BenchmarkDotNet.Attributes;
using Kiosk.Bench;
using Kiosk.Render.Profiles;

namespace Kiosk.Benchmarks;

/// <summary>1920x1080: every transition kind and a cold first render, against a frame memcpy.</summary>
public class Hdmi1080Benchmarks() : TransitionBenchmarks(DisplayProfile.Hdmi)
{
    private FirstRenderWorkload _firstRender = null!;

    protected override void SetupExtra()
    {
        var pack = BuiltinPack.Value;
        _firstRender = new FirstRenderWorkload(pack.Content, pack.Fonts, Profile);
    }

    [Benchmark]
    public long FirstRender() => _firstRender.Run();
}
