using Kiosk.Content.Model;
using Kiosk.Render.Scenes;

namespace Kiosk.Bench;

/// <summary>
/// One kind of transition the navigator can start, with a pair of screens that shows it. Together they cover
/// every branch of the renderer's composition: the phase-step cross-fade, the whole-screen fade (timeline to
/// diagram and back, into the glossary), the slide (going deeper or back), the diagram morph, and the attract loop.
/// </summary>
public sealed record TransitionKind(string Name, Screen From, Screen To)
{
    /// <summary>Every kind, on the first case that has two phases (every pack worth benchmarking has one).</summary>
    public static IReadOnlyList<TransitionKind> All(PackContent pack)
    {
        int c = pack.Cases.ToList().FindIndex(x => x.Phases.Count >= 2);
        if (c < 0)
        {
            throw new ArgumentException("the pack has no case with two phases to step between", nameof(pack));
        }

        int next = pack.Cases.Count > 1 ? (c + 1) % pack.Cases.Count : c;
        return
        [
            Morph(pack),
            new("cross-fade", new Screen(ScreenKind.Phase, c, 0), new Screen(ScreenKind.Phase, c, 1)),
            new("fade", new Screen(ScreenKind.Phase, c, 1), new Screen(ScreenKind.Diagram, c, 1)),
            new("slide", new Screen(ScreenKind.CaseIntro, c), new Screen(ScreenKind.Phase, c, 0)),
            new("attract", new Screen(ScreenKind.Attract, c), new Screen(ScreenKind.Attract, next)),
        ];
    }

    /// <summary>A diagram morph, first phase to second: the transition a press causes most often.</summary>
    public static TransitionKind Morph(PackContent pack)
    {
        int c = pack.Cases.ToList().FindIndex(x => x.Phases.Count >= 2);
        return c < 0
            ? throw new ArgumentException("the pack has no case with two phases to morph between", nameof(pack))
            : new("morph", new Screen(ScreenKind.Diagram, c, 0), new Screen(ScreenKind.Diagram, c, 1));
    }
}
