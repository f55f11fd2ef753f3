using System.Globalization;
using Kiosk.Content.Model;

namespace Kiosk.Render.Scenes;

/// <summary>
/// Screens named the way staff talk about them: <c>home</c>, <c>about</c>, <c>jieyang</c>,
/// <c>jieyang/p3</c> or <c>jieyang/3</c> (1-based), <c>jieyang/p3/diagram</c>, <c>jieyang/glossary</c>,
/// <c>jieyang/comparison</c>, <c>attract/jieyang</c>; a second page adds <c>/page2</c>
/// (<c>jieyang/p3/page2</c>: the phase's quotes that did not fit its screen; <c>kunshan/comparison/page2</c>).
/// </summary>
public static class ScreenAddress
{
    public static Screen Parse(string address, PackContent pack)
    {
        string[] parts = address.Trim('/').Split('/');
        switch (parts[0])
        {
            case "home":
                return Screen.Home(0);
            case "about":
                return new Screen(ScreenKind.Glossary, -1);
            case "attract" when parts.Length == 2:
                return new Screen(ScreenKind.Attract, CaseIndex(parts[1], pack));
        }

        int c = CaseIndex(parts[0], pack);
        if (parts.Length == 1)
        {
            return new Screen(ScreenKind.CaseIntro, c);
        }

        switch (parts[1])
        {
            case "glossary" when parts.Length == 2:
                return new Screen(ScreenKind.Glossary, c);
            case "comparison" when parts.Length == 2:
                return new Screen(ScreenKind.Comparison, c);
            case "comparison" when parts.Length == 3 && Page(parts[2]) is { } cp:
                return new Screen(ScreenKind.Comparison, c, 0, cp);
        }

        int phase = PhaseIndex(parts[1], pack.Cases[c]);
        if (parts.Length == 2)
        {
            return new Screen(ScreenKind.Phase, c, phase);
        }

        if (parts.Length == 3 && parts[2] == "diagram")
        {
            return new Screen(ScreenKind.Diagram, c, phase);
        }

        if (parts.Length == 3 && Page(parts[2]) is { } page)
        {
            return new Screen(ScreenKind.Phase, c, phase, page);
        }

        throw new FormatException($"'{address}' is not a screen (try home, about, <case>, <case>/<phase>, <case>/<phase>/diagram, <case>/<phase>/page2, <case>/glossary, <case>/comparison, attract/<case>)");
    }

    public static string Format(Screen s, PackContent pack)
    {
        string id = s.CaseIndex >= 0 && s.CaseIndex < pack.Cases.Count ? pack.Cases[s.CaseIndex].Id : string.Empty;
        return s.Kind switch
        {
            ScreenKind.Home => "home",
            ScreenKind.Glossary when s.CaseIndex < 0 => "about",
            ScreenKind.Glossary => $"{id}/glossary",
            ScreenKind.Comparison => $"{id}/comparison{PageSuffix(s)}",
            ScreenKind.Attract => $"attract/{id}",
            ScreenKind.CaseIntro => id,
            ScreenKind.Phase => $"{id}/{pack.Cases[s.CaseIndex].Phases[s.PhaseIndex].Id}{PageSuffix(s)}",
            _ => $"{id}/{pack.Cases[s.CaseIndex].Phases[s.PhaseIndex].Id}/diagram",
        };
    }

    private static string PageSuffix(Screen s) => s.Page > 0 ? string.Create(CultureInfo.InvariantCulture, $"/page{s.Page + 1}") : string.Empty;

    /// <summary>"page2" → 1 (pages are 0-based inside, 1-based in addresses); null for anything else.</summary>
    private static int? Page(string text) =>
        text.StartsWith("page", StringComparison.Ordinal) && int.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= 9 ? n - 1 : null;

    private static int CaseIndex(string id, PackContent pack)
    {
        for (int i = 0; i < pack.Cases.Count; i++)
        {
            if (pack.Cases[i].Id == id)
            {
                return i;
            }
        }

        throw new FormatException($"no case '{id}' in this pack (cases: {string.Join(", ", pack.Cases.Select(c => c.Id))})");
    }

    private static int PhaseIndex(string text, CaseStudy c)
    {
        for (int i = 0; i < c.Phases.Count; i++)
        {
            if (c.Phases[i].Id == text)
            {
                return i;
            }
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && n <= c.Phases.Count)
        {
            return n - 1;
        }

        throw new FormatException($"no phase '{text}' in case '{c.Id}' (phases: {string.Join(", ", c.Phases.Select(p => p.Id))}, or 1..{c.Phases.Count})");
    }
}
