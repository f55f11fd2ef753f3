using BenchmarkDotNet.Attributes;
using Kiosk.Bench;
using Kiosk.Render.Profiles;

namespace Kiosk.Benchmarks;

/// <summary>
/// 320x240 SPI panel: a frame of every transition kind converted to RGB565, and the conversion alone, against a
/// memcpy of the RGBA frame.
/// </summary>
[MemoryDiagnoser]
public class Spi320Benchmarks
{
    private FrameCopyBaseline _copy = null!;
    private TransitionSet _transitions = null!;
    private Rgb565Workload _vector = null!;
    private Rgb565Workload _scalar = null!;

    [GlobalSetup]
    public void Setup()
    {
        _copy = new FrameCopyBaseline(320, 240);
        _transitions = new TransitionSet(DisplayProfile.Spi320);
        _vector = new Rgb565Workload(320, 240);
        _scalar = new Rgb565Workload(320, 240, scalar: true);
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
    public void Rgb565Conversion() => _vector.Run();

    /// <summary>No goal: shows what the vector path buys.</summary>
    [Benchmark]
    public void Rgb565ConversionScalar() => _scalar.Run();
}
