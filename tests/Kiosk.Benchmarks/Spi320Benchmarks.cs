using BenchmarkDotNet.Attributes;
using Kiosk.Bench;
using Kiosk.Render.Profiles;

namespace Kiosk.Benchmarks;

/// <summary>
/// 320x240 SPI panel: every transition kind converted to RGB565, and the conversion alone, against a memcpy of
/// the RGBA frame.
/// </summary>
public class Spi320Benchmarks() : TransitionBenchmarks(DisplayProfile.Spi320)
{
    private Rgb565Workload _vector = null!;
    private Rgb565Workload _scalar = null!;

    protected override void SetupExtra()
    {
        _vector = new Rgb565Workload(Profile.Width, Profile.Height);
        _scalar = new Rgb565Workload(Profile.Width, Profile.Height, scalar: true);
    }

    [Benchmark]
    public void Rgb565Conversion() => _vector.Run();

    /// <summary>No goal: shows what the vector path buys.</summary>
    [Benchmark]
    public void Rgb565ConversionScalar() => _scalar.Run();
}
