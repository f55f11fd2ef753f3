using System.Text.RegularExpressions;
using Kiosk.Content.Diagnostics;
using Kiosk.Content.Model;
using Kiosk.Content.Sources;

namespace Kiosk.Content.Validation;

/// <summary>
/// The content lint <c>pack build</c> runs after the schema rules: labels a visitor standing at the exhibit will
/// actually read (museum label guidance: short bodies, sentences of at most 25 words, no unexplained
/// abbreviations). Budgets: a phase's summary (the body at 1920x1080 and 800x480) at most 75 words, its
/// <c>short</c> (small panels) at most 35 and in practice the schema's 25; every sentence at most 25 words;
/// every abbreviation spelled out at its first use on each screen or defined in the case glossary; every mode
/// a diagram uses explained by its one-line <c>short</c> or a glossary entry of the same name. Build-time only:
/// a pack built before these budgets still loads and verifies on a kiosk.
/// </summary>
public sealed partial class ReadingBudget(SourceMap map, DiagnosticBag diagnostics)
{
    public const int MaxBodyWords = 75;
    public const int MaxShortWords = 35;
    public const int MaxSentenceWords = 25;

    public void Check(CaseStudy c)
    {
        for (int i = 0; i < c.Phases.Count; i++)
        {
            Budget($"phases[{i}].summary", c.Phases[i].Summary, MaxBodyWords, "a phase body; tell the rest as another phase");
            Budget($"phases[{i}].short", c.Phases[i].Short, MaxShortWords, "a small-panel text");
        }

        foreach (var (path, text) in Prose(c))
        {
            Sentences(path, text);
        }

        var glossaryTerms = new HashSet<string>(c.Glossary.SelectMany(g => Abbreviations(g.Term).Select(Key)), StringComparer.Ordinal);
        foreach (var screen in Screens(c))
        {
            Abbreviations(screen.Name, screen.Texts, glossaryTerms);
        }

        ModesExplained(c);
    }

    /// <summary>Text a visitor reads as sentences (quotes are verbatim and exempt; names and labels are not prose).</summary>
    private static IEnumerable<(string Path, string Text)> Prose(CaseStudy c)
    {
        yield return ("thesis", c.Thesis);
        for (int i = 0; i < c.Modes.Count; i++)
        {
            yield return ($"modes[{i}].description", c.Modes[i].Description);
            if (c.Modes[i].Short is { } s)
            {
                yield return ($"modes[{i}].short", s);
            }
        }

        for (int i = 0; i < c.Actors.Count; i++)
        {
            if (c.Actors[i].Note is { } note)
            {
                yield return ($"actors[{i}].note", note);
            }
        }

        for (int i = 0; i < c.Phases.Count; i++)
        {
            yield return ($"phases[{i}].short", c.Phases[i].Short);
            yield return ($"phases[{i}].summary", c.Phases[i].Summary);
        }

        for (int i = 0; i < c.Glossary.Count; i++)
        {
            yield return ($"glossary[{i}].definition", c.Glossary[i].Definition);
        }

        if (c.Comparison is { } cmp)
        {
            foreach (var (side, key) in new[] { (cmp.Left, "left"), (cmp.Right, "right") })
            {
                for (int j = 0; j < side.Points.Count; j++)
                {
                    yield return ($"comparison.{key}.points[{j}]", side.Points[j]);
                }
            }
        }
    }

    private sealed record Screen(string Name, IReadOnlyList<(string Path, string Text)> Texts);

    /// <summary>What each screen shows, in reading order: the unit within which an abbreviation must be explained.</summary>
    private static IEnumerable<Screen> Screens(CaseStudy c)
    {
        var intro = new List<(string, string)> { ("title", c.Title), ("thesis", c.Thesis) };
        AddQuotes(intro, c, null);
        yield return new Screen(c.Id, intro);

        for (int i = 0; i < c.Phases.Count; i++)
        {
            var p = c.Phases[i];
            string path = $"phases[{i}]";
            var large = new List<(string, string)> { ($"{path}.title", p.Title), ($"{path}.summary", p.Summary) };
            large.AddRange(Figures($"{path}.figures", p.Figures));
            AddQuotes(large, c, p.Id);
            yield return new Screen($"{c.Id}/{p.Id}", large);

            var small = new List<(string, string)> { ($"{path}.title", p.Title), ($"{path}.short", p.Short) };
            small.AddRange(Figures($"{path}.figures", p.Figures.Take(1).ToList()));
            yield return new Screen($"{c.Id}/{p.Id} (small panels)", small);

            var diagram = new List<(string, string)>();
            foreach (string id in p.Diagram.Actors)
            {
                int a = c.Actors.ToList().FindIndex(x => x.Id == id);
                if (a >= 0)
                {
                    diagram.Add(($"actors[{a}].name", c.Actors[a].Name));
                }
            }

            for (int j = 0; j < p.Diagram.Edges.Count; j++)
            {
                diagram.Add(($"{path}.diagram.edges[{j}].relation", p.Diagram.Edges[j].Relation));
            }

            for (int m = 0; m < c.Modes.Count; m++)
            {
                diagram.Add(($"modes[{m}].name", c.Modes[m].Name));
                if (c.Modes[m].Short is { } s)
                {
                    diagram.Add(($"modes[{m}].short", s));
                }
            }

            yield return new Screen($"{c.Id}/{p.Id}/diagram", diagram);
        }

        if (c.Comparison is { } cmp)
        {
            var texts = new List<(string, string)> { ("comparison.title", cmp.Title) };
            foreach (var (side, key) in new[] { (cmp.Left, "left"), (cmp.Right, "right") })
            {
                texts.Add(($"comparison.{key}.label", side.Label));
                texts.AddRange(side.Points.Select((t, j) => ($"comparison.{key}.points[{j}]", t)));
            }

            texts.AddRange(Figures("comparison.figures", cmp.Figures));
            yield return new Screen($"{c.Id}/comparison", texts);
        }

        // The glossary screen needs no screen rule: any abbreviation a glossary term defines counts as defined.
        var glossary = new List<(string, string)>();
        for (int i = 0; i < c.Glossary.Count; i++)
        {
            glossary.Add(($"glossary[{i}].term", c.Glossary[i].Term));
            glossary.Add(($"glossary[{i}].definition", c.Glossary[i].Definition));
        }

        yield return new Screen($"{c.Id}/glossary", glossary);
    }

    private static IEnumerable<(string, string)> Figures(string path, IReadOnlyList<KeyFigure> figures)
    {
        for (int j = 0; j < figures.Count; j++)
        {
            yield return ($"{path}[{j}].value", figures[j].Value);
            yield return ($"{path}[{j}].label", figures[j].Label);
        }
    }

    private static void AddQuotes(List<(string, string)> texts, CaseStudy c, string? phase)
    {
        for (int q = 0; q < c.Quotes.Count; q++)
        {
            if (c.Quotes[q].Phase == phase)
            {
                texts.Add(($"quotes[{q}].quote", c.Quotes[q].Text));
                texts.Add(($"quotes[{q}].by", c.Quotes[q].By));
            }
        }
    }

    private void Abbreviations(string screen, IReadOnlyList<(string Path, string Text)> texts, HashSet<string> glossary)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, text) in texts)
        {
            foreach (var a in Abbreviations(text))
            {
                if (!seen.Add(Key(a)) || glossary.Contains(Key(a)) || SpelledOut(text, a))
                {
                    continue;
                }

                Error(path, $"abbreviation '{a.Value}' is not explained at its first use on screen {screen}: write \"words ({a.Value})\" or define it in the glossary");
            }
        }
    }

    /// <summary>An abbreviation and its plural are one: "SOEs" is explained by "state-owned enterprise (SOE)".</summary>
    private static string Key(Match a) => a.Value.Length > 2 && a.Value[^1] == 's' && char.IsUpper(a.Value[^2]) ? a.Value[..^1] : a.Value;

    /// <summary>"words (EPZ)" or "EPZ (words)": the abbreviation in brackets after its words, or its words in brackets after it.</summary>
    private static bool SpelledOut(string text, Match a)
    {
        int end = a.Index + a.Length;
        bool inBrackets = a.Index >= 3 && text[a.Index - 1] == '(' && text[a.Index - 2] == ' ' && char.IsLetter(text[a.Index - 3])
            && end < text.Length && text[end] == ')';
        bool followedByWords = end + 2 < text.Length && text[end] == ' ' && text[end + 1] == '(' && char.IsLower(text[end + 2]);
        return inBrackets || followedByWords;
    }

    /// <summary>Tokens with two or more capitals that are at least half capitals: EPZ, CPC, R&amp;D, siRNA, not MacKinnon.</summary>
    public static IEnumerable<Match> Abbreviations(string text) =>
        TokenPattern().Matches(text).Where(m =>
        {
            int upper = m.Value.Count(char.IsUpper);
            int letters = m.Value.Count(char.IsLetter);
            return upper >= 2 && upper * 2 >= letters;
        });

    private void ModesExplained(CaseStudy c)
    {
        var used = c.Phases.SelectMany(p => p.Diagram.Edges).Select(e => e.Mode).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < c.Modes.Count; i++)
        {
            var mode = c.Modes[i];
            if (used.Contains(mode.Id) && mode.Short is null && !c.Glossary.Any(g => string.Equals(g.Term, mode.Name, StringComparison.OrdinalIgnoreCase)))
            {
                Error($"modes[{i}].name", $"mode '{mode.Id}' is drawn in diagrams but not explained: give it a one-line short or a glossary entry named '{mode.Name}'");
            }
        }
    }

    private void Budget(string path, string text, int max, string what)
    {
        int words = TextRules.CountWords(text);
        if (words > max)
        {
            Error(path, $"reading budget: {words} words; at most {max} in {what}");
        }
    }

    private void Sentences(string path, string text)
    {
        foreach (string sentence in SentenceEnd().Split(text))
        {
            int words = TextRules.CountWords(sentence);
            if (words > MaxSentenceWords)
            {
                string start = string.Join(' ', sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6));
                Error(path, $"reading budget: a sentence of {words} words (\"{start} ...\"); at most {MaxSentenceWords}");
            }
        }
    }

    private void Error(string path, string message) => diagnostics.Add(map.At(path, message));

    [GeneratedRegex(@"[A-Za-z0-9&]+")]
    private static partial Regex TokenPattern();

    // A full stop, question or exclamation mark followed by a space ends a sentence; semicolons do not.
    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}
