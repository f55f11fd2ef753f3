using Kiosk.Content.Model;

namespace Kiosk.Render.Diagrams;

/// <summary>The horizontal bands of a coupling diagram, top to bottom: global down to firm and local.</summary>
public static class ScaleBands
{
    public static readonly string[] Names = ["Global", "National", "Provincial", "City", "County / district", "Firm / local"];

    /// <summary>Band names for the narrow gutter of small panels.</summary>
    public static readonly string[] ShortNames = ["Global", "Nation", "Prov.", "City", "County", "Firm"];

    public static int Of(Scale scale) => scale switch
    {
        Scale.Global => 0,
        Scale.National => 1,
        Scale.Provincial => 2,
        Scale.City => 3,
        Scale.County or Scale.District => 4,
        _ => 5,
    };
}
