namespace Kiosk.Host.Input;

/// <summary>
/// The outcome of feeding a <see cref="Debouncer"/>. <see cref="SettledAt"/> is when the line reached the new
/// level for the last time (its last edge), not when the debouncer accepted it: hold times are measured
/// between settle times so that the debounce delay cancels out.
/// </summary>
public readonly record struct ButtonTransition(ButtonEdge Edge, TimeSpan SettledAt)
{
    public static ButtonTransition None => default;
}
