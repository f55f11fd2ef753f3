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
}
