using BenchmarkDotNet.Attributes;
using Kiosk.Render.Benchmarks;
using Kiosk.Render.Profiles;

namespace Kiosk.Benchmarks;

/// <summary>320x240 SPI panel: a morph frame converted to RGB565, and the conversion alone, against a memcpy of the RGBA frame.</summary>
[MemoryDiagnoser]
public class Spi320Benchmarks
{
    private FrameCopyBaseline _copy = null!;
    private TransitionWorkload _transition = null!;
    private Rgb565Workload _vector = null!;
    private Rgb565Workload _scalar = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pack = BuiltinPack.Value;
        _copy = new FrameCopyBaseline(320, 240);
        _transition = new TransitionWorkload(pack.Content, pack.Fonts, DisplayProfile.Spi320, toRgb565: true);
        _vector = new Rgb565Workload(320, 240);
        _scalar = new Rgb565Workload(320, 240, scalar: true);
    }

    [GlobalCleanup]
    public void Cleanup() => _transition.Dispose();

    [Benchmark(Baseline = true)]
    public void Memcpy() => _copy.Run();

    [Benchmark]
    public long TransitionFrameWithRgb565() => _transition.Run();

    [Benchmark]
    public void Rgb565Conversion() => _vector.Run();

    /// <summary>No goal: shows what the vector path buys.</summary>
    [Benchmark]
    public void Rgb565ConversionScalar() => _scalar.Run();
}
