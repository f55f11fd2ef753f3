namespace Kiosk.Host.Input;

/// <summary>An accepted (debounced) change of a button's level.</summary>
public enum ButtonEdge
{
    None,
    Pressed,
    Released,
}
