namespace Kiosk.Content.Model;

/// <summary>
/// The scale an actor works at. The order is the diagram's top-to-bottom band order, so renderers can sort by it.
/// </summary>
public enum Scale
{
    Global,
    National,
    Provincial,
    City,
    County,
    District,
    Firm,
    Local,
}

public static class Scales
{
    public static readonly IReadOnlyList<string> Names = ["global", "national", "provincial", "city", "county", "district", "firm", "local"];

    public static bool TryParse(string text, out Scale scale)
    {
        int i = IndexOf(text);
        scale = i < 0 ? default : (Scale)i;
        return i >= 0;
    }

    public static string ToName(this Scale scale) => Names[(int)scale];

    private static int IndexOf(string text)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (Names[i] == text)
            {
                return i;
            }
        }

        return -1;
    }
}

public static class ActorKinds
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "government", "party", "firm", "association", "university", "research",
        "individual", "community", "zone", "investor", "bank", "other",
    };
}
