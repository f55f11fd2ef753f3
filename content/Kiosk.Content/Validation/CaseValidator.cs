using Kiosk.Content.Diagnostics;
using Kiosk.Content.Model;
using Kiosk.Content.Sources;
using static Kiosk.Content.Validation.TextRules;

namespace Kiosk.Content.Validation;

/// <summary>
/// The rules that relate a case's fields to each other and keep text within what a screen can show:
/// ids unique and referenced, phases in order, lengths, counts, modes and actors known.
/// </summary>
public sealed class CaseValidator(SourceMap map, DiagnosticBag diagnostics)
{
    public void Validate(CaseStudy c)
    {
        if (!IsId(c.Id))
        {
            Error("id", $"'{c.Id}' is not a valid id (lower-case letters, digits and '-')");
        }

        if (c.Order < 1)
        {
            Error("order", "must be 1 or more");
        }

        MaxChars("title", c.Title, MaxTitleChars);
        MaxWords("thesis", c.Thesis, MaxThesisWords);
        ValidateCitation(c.Citation);
        if (c.Places.Count == 0)
        {
            Error("places", "name at least one place");
        }

        for (int i = 0; i < c.Places.Count; i++)
        {
            ValidatePlace($"places[{i}]", c.Places[i]);
        }

        var modeIds = UniqueIds("modes", c.Modes.Select(m => m.Id));
        for (int i = 0; i < c.Modes.Count; i++)
        {
            MaxChars($"modes[{i}].name", c.Modes[i].Name, MaxModeNameChars);
            WordRange($"modes[{i}].description", c.Modes[i].Description, 5, 60);
            if (c.Modes[i].Short is { } modeShort)
            {
                MaxWords($"modes[{i}].short", modeShort, MaxModeShortWords);
            }
        }

        var actorIds = UniqueIds("actors", c.Actors.Select(a => a.Id));
        for (int i = 0; i < c.Actors.Count; i++)
        {
            MaxChars($"actors[{i}].name", c.Actors[i].Name, MaxNameChars);
            if (c.Actors[i].Note is { } note)
            {
                MaxWords($"actors[{i}].note", note, 30);
            }
        }

        ValidatePhases(c.Phases, actorIds, modeIds);

        for (int i = 0; i < c.Glossary.Count; i++)
        {
            MaxChars($"glossary[{i}].term", c.Glossary[i].Term, MaxModeNameChars);
            WordRange($"glossary[{i}].definition", c.Glossary[i].Definition, 5, 60);
        }

        if (c.Quotes.Count > MaxQuotes)
        {
            Error("quotes", $"{c.Quotes.Count} quotes; at most {MaxQuotes} per case");
        }

        var phaseIds = c.Phases.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < c.Quotes.Count; i++)
        {
            var q = c.Quotes[i];
            MaxWords($"quotes[{i}].quote", q.Text, MaxQuoteWords);
            MaxChars($"quotes[{i}].by", q.By, MaxByChars);
            if (q.Line < 1)
            {
                Error($"quotes[{i}].line", "must be the 1-based line where the quote starts");
            }

            if (q.Phase is { } phase && !phaseIds.Contains(phase))
            {
                Error($"quotes[{i}].phase", $"unknown phase '{phase}' (this case has: {string.Join(", ", c.Phases.Select(p => p.Id))})");
            }
            else if (q.Screen != Quote.ScreenOf(c.Id, q.Phase))
            {
                Error($"quotes[{i}].screen", $"'{q.Screen}' is not the quote's screen '{Quote.ScreenOf(c.Id, q.Phase)}'");
            }
        }

        if (c.Comparison is { } cmp)
        {
            MaxChars("comparison.title", cmp.Title, MaxTitleChars);
            ValidateSide("comparison.left", cmp.Left);
            ValidateSide("comparison.right", cmp.Right);
            ValidateFigures("comparison.figures", cmp.Figures, MaxComparisonFigures);
        }
    }

    private void ValidatePlace(string path, Place place)
    {
        // The locator maps cover East Asia only; a point outside is a slip (swapped or mistyped degrees).
        if (place.Lon is < MapBox.West or > MapBox.East)
        {
            Error($"{path}.lon", $"{place.Lon} is outside the map ({MapBox.West} to {MapBox.East} degrees east)");
        }

        if (place.Lat is < MapBox.South or > MapBox.North)
        {
            Error($"{path}.lat", $"{place.Lat} is outside the map ({MapBox.South} to {MapBox.North} degrees north)");
        }
    }

    private void ValidateFigures(string path, IReadOnlyList<KeyFigure> figures, int max)
    {
        if (figures.Count > max)
        {
            Error(path, $"{figures.Count} figures; at most {max}");
        }

        for (int j = 0; j < figures.Count; j++)
        {
            var f = figures[j];
            string fp = $"{path}[{j}]";
            MaxChars($"{fp}.label", f.Label, MaxNameChars);
            MaxChars($"{fp}.value", f.Value, MaxFigureValueChars);
            if (f.Line < 1)
            {
                Error($"{fp}.line", "must be the 1-based seed line the figure comes from");
            }

            ValidateChartFields(fp, f);
        }

        foreach (var series in figures.Select((f, j) => (f, j)).Where(x => x.f.Series is not null).GroupBy(x => x.f.Series!, StringComparer.Ordinal))
        {
            var items = series.ToList();
            if (items.Count < 2)
            {
                Error($"{path}[{items[0].j}].series", $"series '{series.Key}' has one figure here; a chart compares two or more");
            }

            foreach (var (f, j) in items.Skip(1).Where(x => x.f.Unit != items[0].f.Unit))
            {
                Error($"{path}[{j}].unit", $"'{f.Unit}' differs from '{items[0].f.Unit}' of the first figure in series '{series.Key}'");
            }
        }
    }

    private void ValidateChartFields(string fp, KeyFigure f)
    {
        if (f.Series is null)
        {
            if (f.Number is not null || f.Unit is not null || f.Category is not null)
            {
                Error($"{fp}.series", "number, unit and category belong to a chart: name the series this figure is drawn in");
            }

            return;
        }

        if (!IsId(f.Series))
        {
            Error($"{fp}.series", $"'{f.Series}' is not a valid id (lower-case letters, digits and '-')");
        }

        if (f.Number is not { } number)
        {
            Error($"{fp}.number", "a figure in a series needs its number");
        }
        else if (!Digits(f.Value).Contains(Digits(number.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture)), StringComparison.Ordinal))
        {
            // The value is what verify checks against the paper, so the chart's number must be the same one.
            Error($"{fp}.number", $"{number} is not the number printed in value '{f.Value}'");
        }

        if (f.Unit is null)
        {
            Error($"{fp}.unit", "a figure in a series needs its unit (e.g. percent, million USD)");
        }
        else
        {
            MaxChars($"{fp}.unit", f.Unit, MaxUnitChars);
        }

        if (f.Year is null && f.Category is null)
        {
            Error($"{fp}.category", "a figure in a series needs a year or a category to label its bar");
        }

        if (f.Category is { } category)
        {
            MaxChars($"{fp}.category", category, MaxCategoryChars);
        }

        if (f.Year is { } year && year is < 1800 or > 2100)
        {
            Error($"{fp}.year", $"{year} is not a year");
        }
    }

    private static string Digits(string text) => new(text.Where(ch => char.IsDigit(ch) || ch == '.').ToArray());

    private void ValidateCitation(Citation citation)
    {
        if (citation.Year is < 1900 or > 2100)
        {
            Error("citation.year", $"{citation.Year} is not a plausible publication year");
        }

        MaxChars("citation.title", citation.Title, 200);
    }

    private void ValidatePhases(IReadOnlyList<Phase> phases, HashSet<string> actorIds, HashSet<string> modeIds)
    {
        if (phases.Count is < MinPhases or > MaxPhases)
        {
            Error("phases", $"{phases.Count} phases; a case has {MinPhases} to {MaxPhases}");
        }

        UniqueIds("phases", phases.Select(p => p.Id));
        for (int i = 0; i < phases.Count; i++)
        {
            var p = phases[i];
            string path = $"phases[{i}]";
            if (i > 0 && p.StartYear < phases[i - 1].StartYear)
            {
                Error($"{path}.years", $"phase '{p.Id}' starts in {p.StartYear}, before the previous phase '{phases[i - 1].Id}' ({phases[i - 1].StartYear}): phases out of order");
            }

            MaxChars($"{path}.title", p.Title, MaxTitleChars);
            MaxWords($"{path}.short", p.Short, MaxShortWords);
            WordRange($"{path}.summary", p.Summary, MinSummaryWords, MaxSummaryWords);
            ValidateFigures($"{path}.figures", p.Figures, MaxFigures);

            ValidateDiagram($"{path}.diagram", p.Diagram, actorIds, modeIds);
        }
    }

    private void ValidateDiagram(string path, Diagram diagram, HashSet<string> actorIds, HashSet<string> modeIds)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < diagram.Actors.Count; i++)
        {
            string id = diagram.Actors[i];
            if (!actorIds.Contains(id))
            {
                Error($"{path}.actors[{i}]", $"unknown actor '{id}'");
            }
            else if (!present.Add(id))
            {
                Error($"{path}.actors[{i}]", $"duplicate id '{id}'");
            }
        }

        for (int i = 0; i < diagram.Edges.Count; i++)
        {
            var e = diagram.Edges[i];
            string edgePath = $"{path}.edges[{i}]";
            foreach (var (field, id) in new[] { ("from", e.From), ("to", e.To) })
            {
                if (!actorIds.Contains(id))
                {
                    Error($"{edgePath}.{field}", $"unknown actor '{id}'");
                }
                else if (!present.Contains(id))
                {
                    Error($"{edgePath}.{field}", $"actor '{id}' is not in this phase's diagram.actors");
                }
            }

            if (e.From == e.To)
            {
                Error($"{edgePath}.to", "an edge must join two different actors");
            }

            MaxChars($"{edgePath}.relation", e.Relation, MaxRelationChars);
            if (!modeIds.Contains(e.Mode))
            {
                Error($"{edgePath}.mode", $"unknown mode '{e.Mode}' (this case defines: {string.Join(", ", modeIds.Order())})");
            }
        }
    }

    private void ValidateSide(string path, ComparisonSide side)
    {
        MaxChars($"{path}.label", side.Label, MaxLabelChars);
        if (side.Points.Count is < 2 or > 6)
        {
            Error($"{path}.points", $"{side.Points.Count} points; give 2 to 6");
        }

        for (int i = 0; i < side.Points.Count; i++)
        {
            MaxWords($"{path}.points[{i}]", side.Points[i], MaxPointWords);
        }
    }

    private HashSet<string> UniqueIds(string listPath, IEnumerable<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (string id in ids)
        {
            if (!seen.Add(id))
            {
                Error($"{listPath}[{i}].id", $"duplicate id '{id}'");
            }
            else if (!IsId(id))
            {
                Error($"{listPath}[{i}].id", $"'{id}' is not a valid id (lower-case letters, digits and '-')");
            }

            i++;
        }

        return seen;
    }

    private void MaxChars(string path, string text, int max)
    {
        if (text.Length > max)
        {
            Error(path, $"too long: {text.Length} characters, at most {max}");
        }
    }

    private void MaxWords(string path, string text, int max)
    {
        int words = CountWords(text);
        if (words > max)
        {
            Error(path, $"too long: {words} words, at most {max}");
        }
    }

    private void WordRange(string path, string text, int min, int max)
    {
        int words = CountWords(text);
        if (words < min || words > max)
        {
            Error(path, $"{words} words; write {min} to {max}");
        }
    }

    private void Error(string path, string message) => diagnostics.Add(map.At(path, message));
}
