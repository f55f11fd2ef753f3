namespace Kiosk.Host.Input;

/// <summary>
/// A command as queued for the navigator. <see cref="Presenter"/> is true when it came from a presenter key
/// (Page Down, B, F5, ...), which puts the navigator in lecture mode.
/// </summary>
public readonly record struct NavPress(NavCommand Command, bool Presenter);
