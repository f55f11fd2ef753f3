namespace Kiosk.Faults.Packs;

/// <summary>Whether a refusal says what is wrong: not empty, and naming the entry, field or archive at fault.</summary>
public static class RefusalText
{
    private static readonly string[] Culprits =
        ["manifest.json", "cases.json", "fonts/", "signature.json", "zip", "entries", "too large", "cannot be read"];

    /// <param name="text">The refusal as printed.</param>
    /// <param name="displayName">The pack's name, which every message starts with and which names nothing wrong.</param>
    public static bool NamesTheCulprit(string text, string displayName)
    {
        string rest = text.Replace(displayName, string.Empty, StringComparison.Ordinal).Trim(' ', ':');
        return rest.Length > 0 && Culprits.Any(c => rest.Contains(c, StringComparison.OrdinalIgnoreCase));
    }
}
