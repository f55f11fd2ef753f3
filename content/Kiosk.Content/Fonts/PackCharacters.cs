using System.Text;
using Kiosk.Content.Model;

namespace Kiosk.Content.Fonts;

/// <summary>Every character a pack's fonts must draw: the texts of its cases, plus what the renderer prints itself.</summary>
public static class PackCharacters
{
    /// <summary>Labels, arrows and marks the renderer draws around the content.</summary>
    private const string UiCharacters = "–—‘’“”•·…→←↑↓▶◀×©°%";

    public static HashSet<int> Of(PackContent content)
    {
        var used = new HashSet<int>();
        foreach (var c in content.Cases)
        {
            foreach (var (_, text) in CaseTexts.Enumerate(c))
            {
                foreach (Rune r in text.EnumerateRunes())
                {
                    used.Add(r.Value);
                }
            }
        }

        // Printable ASCII is always kept: the renderer prints labels, numbers and hints of its own.
        for (int cp = 0x20; cp < 0x7F; cp++)
        {
            used.Add(cp);
        }

        foreach (Rune r in UiCharacters.EnumerateRunes())
        {
            used.Add(r.Value);
        }

        return used;
    }
}
