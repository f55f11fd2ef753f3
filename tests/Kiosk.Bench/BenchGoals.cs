using Kiosk.Render.Profiles;

namespace Kiosk.Bench;

/// <summary>The renderer's speed and size goals, shared by <c>kiosk bench</c> and the BenchmarkDotNet project.</summary>
public static class BenchGoals
{
    public const string FirstRender1080 = "1920x1080 first render of a screen (cold)";
    public const string Rgb565Conversion = "RGBA->RGB565 conversion, 320x240";
    public const string PhaseStepPhase = "320x240 phase step bytes (phase screen)";
    public const string PhaseStepDiagram = "320x240 phase step bytes (diagram screen)";
    public const string AllocationsAtRest = "allocations per frame, at rest";
    public const string AllocationsMorph = "allocations per frame, diagram morph";

    /// <summary>A transition frame, warm caches: at most this many frame copies.</summary>
    public const double TransitionFrame = 4;

    public const double FirstRender = 25;

    public const double Rgb565 = 1.5;

    public const double PhaseStepShare = 0.30;

    /// <summary>Panels up to 480 wide are SPI panels: their frames are converted to RGB565 before sending.</summary>
    public static bool IsSpi(DisplayProfile profile) => profile.Width <= 480;

    /// <summary>One transition kind's row, e.g. "320x240 transition frame + RGB565: morph".</summary>
    public static string Transition(DisplayProfile profile, string kind) =>
        $"{profile.Name} transition frame{(IsSpi(profile) ? " + RGB565" : string.Empty)}: {kind}";

    /// <summary>The slowest kind's figure, the one the goal is about.</summary>
    public static string WorstTransition(DisplayProfile profile) => Transition(profile, "worst kind");

    public static BenchRow Ratio(string name, double ratio, double goal) => new(name, ratio, goal, BenchUnit.TimesMemcpy);

    public static BenchRow Share(string name, double share) => new(name, share, PhaseStepShare, BenchUnit.ShareOfFullFrame);

    public static BenchRow Allocations(string name, double bytesPerFrame) => new(name, bytesPerFrame, 0, BenchUnit.BytesPerFrame);
}
