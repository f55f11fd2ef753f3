namespace Kiosk.Host.Input;

/// <summary>What a visitor asked for. Every input (GPIO, evdev keys, preview buttons) produces these and nothing else.</summary>
public enum NavCommand
{
    Next,
    Previous,
    Select,
    Back,
    Home,

    /// <summary>Home held past the long-press time: opens the glossary/about screen.</summary>
    HomeLong,

    /// <summary>Select held past the long-press time: switches the large-text mode on or off.</summary>
    SelectLong,

    /// <summary>A presenter's B or <c>.</c>: a black screen, and again to show the same place as before.</summary>
    Blank,

    /// <summary>A presenter's F5: the first phase of the case on show (of the highlighted one on Home).</summary>
    FirstPhase,

    /// <summary>Number keys: open the first to fifth case directly (its intro).</summary>
    Case1,
    Case2,
    Case3,
    Case4,
    Case5,
}
