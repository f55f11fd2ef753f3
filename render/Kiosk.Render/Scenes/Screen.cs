namespace Kiosk.Render.Scenes;

/// <summary>The kinds of screen a visitor can be on.</summary>
public enum ScreenKind
{
    /// <summary>Case chooser; <see cref="Screen.CaseIndex"/> is the highlighted case.</summary>
    Home,

    /// <summary>A case's place, citation and one-line thesis.</summary>
    CaseIntro,

    /// <summary>Timeline bar with the current phase: title, summary, key figures.</summary>
    Phase,

    /// <summary>The current phase's coupling diagram.</summary>
    Diagram,

    /// <summary>Two sides compared (a case's comparison block).</summary>
    Comparison,

    /// <summary>Glossary and citation of a case, or about the pack when <see cref="Screen.CaseIndex"/> is -1.</summary>
    Glossary,

    /// <summary>Idle loop cycling through cases; <see cref="Screen.CaseIndex"/> is the case on show.</summary>
    Attract,
}

/// <summary>
/// Where the visitor is: a screen kind, the case (index into the pack's cases, in home order; -1 for none),
/// the phase index, and the page of a screen that needs more than one at this profile (0 first): a phase's
/// quotes that did not fit its screen, a comparison's second side in large text on a small panel
/// (<see cref="SceneRenderer.PageCount"/>). A value type, so the navigator and frame loop compare and copy it
/// without allocating.
/// </summary>
public readonly record struct Screen(ScreenKind Kind, int CaseIndex = -1, int PhaseIndex = 0, int Page = 0)
{
    public static Screen Home(int caseIndex = 0) => new(ScreenKind.Home, caseIndex);

    public override string ToString() => Kind switch
    {
        ScreenKind.Home or ScreenKind.Attract => $"{Kind}({CaseIndex})",
        ScreenKind.Phase when Page > 0 => $"{Kind}({CaseIndex}/{PhaseIndex} page {Page + 1})",
        ScreenKind.Comparison when Page > 0 => $"{Kind}({CaseIndex} page {Page + 1})",
        ScreenKind.Phase or ScreenKind.Diagram => $"{Kind}({CaseIndex}/{PhaseIndex})",
        _ => $"{Kind}({CaseIndex})",
    };
}
