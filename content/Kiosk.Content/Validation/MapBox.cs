namespace Kiosk.Content.Validation;

/// <summary>
/// The locator maps' extent (degrees, WGS 84): East Asia from the Tibetan plateau's eastern edge to Japan,
/// Hainan to the Bohai. Every place in a case must fall inside it.
/// </summary>
public static class MapBox
{
    public const double West = 95;
    public const double East = 135;
    public const double South = 15;
    public const double North = 45;
}
