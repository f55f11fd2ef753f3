namespace Kiosk.Content.Model;

/// <summary>
/// Every piece of visible text in a case with its field path: one list serves glyph checks, font subsetting
/// and the overlap of our words with the papers.
/// </summary>
public static class CaseTexts
{
    public static IEnumerable<(string Path, string Text)> Enumerate(CaseStudy c)
    {
        yield return ("title", c.Title);
        if (c.TitleZh is not null)
        {
            yield return ("title_zh", c.TitleZh);
        }

        yield return ("thesis", c.Thesis);
        yield return ("citation.title", c.Citation.Title);
        yield return ("citation.journal", c.Citation.Journal);
        for (int i = 0; i < c.Citation.Authors.Count; i++)
        {
            yield return ($"citation.authors[{i}]", c.Citation.Authors[i]);
        }

        for (int i = 0; i < c.Places.Count; i++)
        {
            yield return ($"places[{i}].name", c.Places[i].Name);
            if (c.Places[i].NameZh is { } zh)
            {
                yield return ($"places[{i}].name_zh", zh);
            }

            if (c.Places[i].Region is { } region)
            {
                yield return ($"places[{i}].region", region);
            }
        }

        for (int i = 0; i < c.Modes.Count; i++)
        {
            yield return ($"modes[{i}].name", c.Modes[i].Name);
            yield return ($"modes[{i}].description", c.Modes[i].Description);
            if (c.Modes[i].Short is { } modeShort)
            {
                yield return ($"modes[{i}].short", modeShort);
            }
        }

        for (int i = 0; i < c.Actors.Count; i++)
        {
            yield return ($"actors[{i}].name", c.Actors[i].Name);
            if (c.Actors[i].NameZh is { } zh)
            {
                yield return ($"actors[{i}].name_zh", zh);
            }

            if (c.Actors[i].Note is { } note)
            {
                yield return ($"actors[{i}].note", note);
            }
        }

        for (int i = 0; i < c.Phases.Count; i++)
        {
            var p = c.Phases[i];
            yield return ($"phases[{i}].years", p.Years);
            yield return ($"phases[{i}].title", p.Title);
            yield return ($"phases[{i}].short", p.Short);
            yield return ($"phases[{i}].summary", p.Summary);
            foreach (var text in FigureTexts($"phases[{i}].figures", p.Figures))
            {
                yield return text;
            }

            for (int j = 0; j < p.Diagram.Edges.Count; j++)
            {
                yield return ($"phases[{i}].diagram.edges[{j}].relation", p.Diagram.Edges[j].Relation);
            }
        }

        for (int i = 0; i < c.Glossary.Count; i++)
        {
            yield return ($"glossary[{i}].term", c.Glossary[i].Term);
            if (c.Glossary[i].TermZh is { } zh)
            {
                yield return ($"glossary[{i}].term_zh", zh);
            }

            yield return ($"glossary[{i}].definition", c.Glossary[i].Definition);
        }

        for (int i = 0; i < c.Quotes.Count; i++)
        {
            yield return ($"quotes[{i}].quote", c.Quotes[i].Text);
            yield return ($"quotes[{i}].by", c.Quotes[i].By);
        }

        if (c.Comparison is { } cmp)
        {
            yield return ("comparison.title", cmp.Title);
            foreach (var (side, key) in new[] { (cmp.Left, "left"), (cmp.Right, "right") })
            {
                yield return ($"comparison.{key}.label", side.Label);
                for (int j = 0; j < side.Points.Count; j++)
                {
                    yield return ($"comparison.{key}.points[{j}]", side.Points[j]);
                }
            }

            foreach (var text in FigureTexts("comparison.figures", cmp.Figures))
            {
                yield return text;
            }
        }
    }

    private static IEnumerable<(string Path, string Text)> FigureTexts(string path, IReadOnlyList<KeyFigure> figures)
    {
        for (int j = 0; j < figures.Count; j++)
        {
            var f = figures[j];
            yield return ($"{path}[{j}].label", f.Label);
            yield return ($"{path}[{j}].value", f.Value);
            if (f.Unit is { } unit)
            {
                yield return ($"{path}[{j}].unit", unit);
            }

            if (f.Category is { } category)
            {
                yield return ($"{path}[{j}].category", category);
            }
        }
    }
}
