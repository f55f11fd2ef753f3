using Kiosk.Content.Model;

namespace Kiosk.Render.Painters;

/// <summary>
/// How a paper is named on screen. Where the copy of a paper names no authors (the schema lets a source leave
/// them out), the screens name the paper by what is known (journal, volume, year) and the title field says what
/// the copy lacks, rather than invent anything.
/// </summary>
internal static class CitationText
{
    public static bool Anonymous(Citation ci) => ci.Authors.Count == 0;

    /// <summary>"Fu, Lim (2022). Title. Economic Geography 98 (1), 25-48."</summary>
    public static string Full(Citation ci)
    {
        string journal = ci.Volume is null ? ci.Journal : $"{ci.Journal} {ci.Volume}";
        // Without authors the title field says what the copy lacks (a pack's title is never empty: kiosks refuse that).
        return Anonymous(ci)
            ? $"{journal} ({ci.Year}). {ci.Title.TrimEnd('.')}."
            : $"{string.Join(", ", ci.Authors)} ({ci.Year}). {ci.Title}. {journal}.";
    }

    /// <summary>The paper in a few words: "Fu &amp; Lim (2022)", or "Political Geography (2024)" when its authors are not known.</summary>
    public static string Paper(Citation ci) => Anonymous(ci) ? $"{ci.Journal} ({ci.Year})" : $"{Surnames(ci.Authors)} ({ci.Year})";

    /// <summary>"Fu, Lim (2022), Economic Geography"; "Political Geography (2024)" when its authors are not known.</summary>
    public static string WithJournal(Citation ci) => Anonymous(ci) ? Paper(ci) : $"{string.Join(", ", ci.Authors)} ({ci.Year}), {ci.Journal}";

    private static string Surnames(IReadOnlyList<string> authors)
    {
        // A long "name" is a note, not a person: shown whole.
        static string Last(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 and <= 4 } w ? w[^1] : name;
        return authors.Count switch
        {
            1 => Last(authors[0]),
            2 => $"{Last(authors[0])} & {Last(authors[1])}",
            _ => $"{Last(authors[0])} et al.",
        };
    }
}
