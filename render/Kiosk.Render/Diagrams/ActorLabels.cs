namespace Kiosk.Render.Diagrams;

/// <summary>
/// Short labels for small panels, where a full actor name cannot fit a node: the abbreviation the name already
/// carries in brackets, else the initials of its significant words.
/// </summary>
public static class ActorLabels
{
    private static readonly HashSet<string> Minor = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&" };

    public static string Abbreviation(string name)
    {
        // A bracket holds an abbreviation ("Zhongguancun Group (ZGC Group)") or a note ("(Sharping in the
        // paper)", "(Siasun, LabTech, etc.)"): only a short one without a comma stands for the name.
        int open = name.LastIndexOf('(');
        int close = name.LastIndexOf(')');
        if (open >= 0 && close > open + 1)
        {
            string inside = name[(open + 1)..close];
            return inside.Length <= 12 && !inside.Contains(',') ? inside : Initials(name[..open]);
        }

        return Initials(name);
    }

    /// <summary>The initials of a name's significant words (a name of one word or up to 8 letters stays whole).</summary>
    public static string Initials(string name)
    {
        int open = name.IndexOf('(');
        name = (open > 0 ? name[..open] : name).Trim();
        string[] words = name.Split([' ', '-', '/', ','], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1 || name.Length <= 8)
        {
            return name;
        }

        var initials = words.Where(w => !Minor.Contains(w) && char.IsLetterOrDigit(w[0])).Select(w => char.ToUpperInvariant(w[0]));
        return string.Concat(initials);
    }

    /// <summary>
    /// The word that tells one name from its siblings ("Coalition with farmers" among "Coalition with ..." names
    /// gives "Farmers"), for legends too narrow for whole names.
    /// </summary>
    public static string Distinctive(string name, IEnumerable<string> siblings)
    {
        var all = siblings.Select(Words).ToList();
        var words = Words(name);
        var common = words.Where(w => all.Count(s => s.Contains(w, StringComparer.OrdinalIgnoreCase)) * 2 > all.Count).ToHashSet(StringComparer.OrdinalIgnoreCase);
        string pick = words.FirstOrDefault(w => !common.Contains(w) && !Minor.Contains(w)) ?? words.FirstOrDefault() ?? name;
        return char.ToUpperInvariant(pick[0]) + pick[1..];
    }

    private static string[] Words(string text) => text.Split([' ', '/', ','], StringSplitOptions.RemoveEmptyEntries);
}
