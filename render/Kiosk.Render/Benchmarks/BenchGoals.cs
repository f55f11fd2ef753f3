namespace Kiosk.Render.Benchmarks;

/// <summary>The renderer's speed and size goals, shared by <c>kiosk bench</c> and the BenchmarkDotNet project.</summary>
public static class BenchGoals
{
    public const string Transition1080 = "1920x1080 transition frame (diagram morph, warm)";
    public const string FirstRender1080 = "1920x1080 first render of a screen (cold)";
    public const string SpiTransition320 = "320x240 transition frame + RGB565";
    public const string Rgb565Conversion = "RGBA->RGB565 conversion, 320x240";
    public const string PhaseStepPhase = "320x240 phase step bytes (phase screen)";
    public const string PhaseStepDiagram = "320x240 phase step bytes (diagram screen)";
    public const string AllocationsAtRest = "allocations per frame, at rest";
    public const string AllocationsMorph = "allocations per frame, diagram morph";

    public static BenchRow Ratio(string name, double ratio) => new(name, ratio, name switch
    {
        Transition1080 => 4,
        FirstRender1080 => 25,
        SpiTransition320 => 4,
        Rgb565Conversion => 1.5,
        _ => throw new ArgumentException($"no goal for '{name}'", nameof(name)),
    }, BenchUnit.TimesMemcpy);

    public static BenchRow Share(string name, double share) => new(name, share, 0.30, BenchUnit.ShareOfFullFrame);

    public static BenchRow Allocations(string name, double bytesPerFrame) => new(name, bytesPerFrame, 0, BenchUnit.BytesPerFrame);
}
