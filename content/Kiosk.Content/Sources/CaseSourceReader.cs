using Kiosk.Content.Diagnostics;
using Kiosk.Content.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kiosk.Content.Sources;

/// <summary>
/// Reads one case source (YAML) into the model, remembering where every field was written. Shape errors
/// (missing or mistyped fields, unknown keys, unknown scales) are reported here; rules that relate fields
/// to each other live in <see cref="Validation.CaseValidator"/>.
/// </summary>
public static class CaseSourceReader
{
    public sealed record Result(CaseStudy? Case, SourceMap Map);

    public static Result Read(string path, string displayName, DiagnosticBag diagnostics)
    {
        var map = new SourceMap(displayName);
        var root = YamlDocumentLoader.Load(path, displayName, diagnostics);
        if (root is null)
        {
            return new Result(null, map);
        }

        int before = diagnostics.Items.Count;
        var r = new YamlFieldReader(map, diagnostics);
        var study = ReadCase(r, root);
        return new Result(diagnostics.Items.Count == before ? study : null, map);
    }

    private static CaseStudy? ReadCase(YamlFieldReader r, YamlNode rootNode)
    {
        var root = r.AsMapping(rootNode, string.Empty);
        if (root is null)
        {
            return null;
        }

        r.RejectUnknownKeys(root, string.Empty, "id", "order", "title", "title_zh", "thesis", "source", "citation",
            "places", "modes", "actors", "phases", "glossary", "quotes", "comparison");

        string id = r.String(root, "id", string.Empty) ?? string.Empty;
        int order = r.Int(root, "order", string.Empty) ?? 0;
        string title = r.String(root, "title", string.Empty) ?? string.Empty;
        string? titleZh = r.String(root, "title_zh", string.Empty, required: false);
        string thesis = r.String(root, "thesis", string.Empty) ?? string.Empty;
        string source = r.String(root, "source", string.Empty) ?? string.Empty;
        var citation = ReadCitation(r, root);
        var places = r.Sequence(root, "places", string.Empty).Select(p => ReadPlace(r, p.Node, p.Path)).OfType<Place>().ToList();
        var modes = r.Sequence(root, "modes", string.Empty).Select(p => ReadMode(r, p.Node, p.Path)).OfType<CouplingMode>().ToList();
        var actors = r.Sequence(root, "actors", string.Empty).Select(p => ReadActor(r, p.Node, p.Path)).OfType<Actor>().ToList();
        var phases = r.Sequence(root, "phases", string.Empty).Select(p => ReadPhase(r, p.Node, p.Path)).OfType<Phase>().ToList();
        var glossary = r.Sequence(root, "glossary", string.Empty).Select(p => ReadGlossary(r, p.Node, p.Path)).OfType<GlossaryEntry>().ToList();
        var quotes = r.Sequence(root, "quotes", string.Empty, required: false).Select(p => ReadQuote(r, p.Node, p.Path, id)).OfType<Quote>().ToList();
        var comparison = ReadComparison(r, root);

        return citation is null ? null
            : new CaseStudy(id, order, title, titleZh, thesis, source, citation, places, modes, actors, phases, glossary, quotes, comparison);
    }

    private static Citation? ReadCitation(YamlFieldReader r, YamlMappingNode root)
    {
        var m = r.AsMapping(r.Child(root, "citation", string.Empty, required: true), "citation");
        if (m is null)
        {
            return null;
        }

        r.RejectUnknownKeys(m, "citation", "authors", "year", "title", "journal", "volume");
        // Authors may be left out where the copy of the paper names none (say so in a comment and in the title):
        // the screens then name the paper by its journal, volume and year. Never guessed.
        var authors = r.StringList(m, "authors", "citation", required: false);
        if (authors.Count == 0 && m.Children.ContainsKey(new YamlScalarNode("authors")))
        {
            r.Error("citation.authors", "must name at least one author");
        }

        int year = r.Int(m, "year", "citation") ?? 0;
        string title = r.String(m, "title", "citation") ?? string.Empty;
        string journal = r.String(m, "journal", "citation") ?? string.Empty;
        string? volume = r.String(m, "volume", "citation", required: false);
        return new Citation(authors, year, title, journal, volume);
    }

    private static Place? ReadPlace(YamlFieldReader r, YamlNode node, string path)
    {
        var m = r.AsMapping(node, path);
        if (m is null)
        {
            return null;
        }

        r.RejectUnknownKeys(m, path, "name", "name_zh", "region", "lon", "lat");
        return new Place(r.String(m, "name", path) ?? string.Empty, r.String(m, "name_zh", path, false), r.String(m, "region", path, false))
        {
            Lon = r.Double(m, "lon", path) ?? 0,
            Lat = r.Double(m, "lat", path) ?? 0,
        };
    }

    private static CouplingMode? ReadMode(YamlFieldReader r, YamlNode node, string path)
    {
        var m = r.AsMapping(node, path);
        if (m is null)
        {
            return null;
        }

        r.RejectUnknownKeys(m, path, "id", "name", "description", "short", "context");
        return new CouplingMode(r.String(m, "id", path) ?? string.Empty, r.String(m, "name", path) ?? string.Empty, r.String(m, "description", path) ?? string.Empty)
        {
            Short = r.String(m, "short", path, false),
            Context = r.Bool(m, "context", path),
        };
    }

    private static Actor? ReadActor(YamlFieldReader r, YamlNode node, string path)
    {
        var m = r.AsMapping(node, path);
        if (m is null)
        {
            return null;
        }

        r.RejectUnknownKeys(m, path, "id", "name", "name_zh", "kind", "scale", "note");
        string id = r.String(m, "id", path) ?? string.Empty;
        string name = r.String(m, "name", path) ?? string.Empty;
        string? nameZh = r.String(m, "name_zh", path, false);
        string kind = r.String(m, "kind", path) ?? "other";
        if (!ActorKinds.All.Contains(kind))
        {
            r.Error($"{path}.kind", $"unknown kind '{kind}' (expected one of: {string.Join(", ", ActorKinds.All.Order())})");
        }

        string scaleText = r.String(m, "scale", path) ?? string.Empty;
        if (!Scales.TryParse(scaleText, out var scale) && scaleText.Length > 0)
        {
            r.Error($"{path}.scale", $"unknown scale '{scaleText}' (expected one of: {string.Join(", ", Scales.Names)})");
        }

        return new Actor(id, name, nameZh, kind, scale, r.String(m, "note", path, false));
    }

    private static Phase? ReadPhase(YamlFieldReader r, YamlNode node, string path)
    {
        var m = r.AsMapping(node, path);
        if (m is null)
        {
            return null;
        }

        r.RejectUnknownKeys(m, path, "id", "years", "title", "short", "summary", "figures", "diagram");
        string id = r.String(m, "id", path) ?? string.Empty;
        string years = r.String(m, "years", path) ?? string.Empty;
        int start = 0;
        int? end = null;
        if (years.Length > 0 && !YearRange.TryParse(years, out start, out end))
        {
            r.Error($"{path}.years", $"'{years}' is not a year range (write YYYY, YYYY-YYYY or YYYY-)");
        }

        string title = r.String(m, "title", path) ?? string.Empty;
        string shortText = r.String(m, "short", path) ?? string.Empty;
        string summary = r.String(m, "summary", path) ?? string.Empty;
        var figures = r.Sequence(m, "figures", path, required: false).Select(p => ReadFigure(r, p.Node, p.Path)).OfType<KeyFigure>().ToList();
        var diagram = ReadDiagram(r, r.AsMapping(r.Child(m, "diagram", path, true), $"{path}.diagram"), $"{path}.diagram");
        return new Phase(id, years, start, end, title, shortText, summary, figures, diagram);
    }

    private static KeyFigure? ReadFigure(YamlFieldReader r, YamlNode node, string path)
    {
        var m = r.AsMapping(node, path);
        if (m is null)
        {
            return null;
        }

        r.RejectUnknownKeys(m, path, "label", "value", "line", "series", "number", "unit", "year", "category");
        return new KeyFigure(r.String(m, "label", path) ?? string.Empty, r.String(m, "value", path) ?? string.Empty, r.Int(m, "line", path) ?? 0)
        {
            Series = r.String(m, "series", path, false),
            Number = r.Double(m, "number", path, false),
            Unit = r.String(m, "unit", path, false),
            Year = r.Int(m, "year", path, false),
            Category = r.String(m, "category", path, false),
        };
    }

    private static Diagram ReadDiagram(YamlFieldReader r, YamlMappingNode? m, string path)
    {
        if (m is null)
        {
            return new Diagram([], []);
        }

        r.RejectUnknownKeys(m, path, "actors", "edges");
        var actors = r.StringList(m, "actors", path);
        var edges = new List<Edge>();
        foreach (var (node, edgePath) in r.Sequence(m, "edges", path, required: false))
        {
            var e = r.AsMapping(node, edgePath);
            if (e is null)
            {
                continue;
            }

            r.RejectUnknownKeys(e, edgePath, "from", "to", "relation", "mode");
            edges.Add(new Edge(
                r.String(e, "from", edgePath) ?? string.Empty,
                r.String(e, "to", edgePath) ?? string.Empty,
                r.String(e, "relation", edgePath) ?? string.Empty,
                r.String(e, "mode", edgePath) ?? string.Empty));
        }

        return new Diagram(actors, edges);
    }

    private static GlossaryEntry? ReadGlossary(YamlFieldReader r, YamlNode node, string path)
    {
        var m = r.AsMapping(node, path);
        if (m is null)
        {
            return null;
        }

        r.RejectUnknownKeys(m, path, "term", "term_zh", "definition");
        return new GlossaryEntry(r.String(m, "term", path) ?? string.Empty, r.String(m, "term_zh", path, false), r.String(m, "definition", path) ?? string.Empty);
    }

    private static Quote? ReadQuote(YamlFieldReader r, YamlNode node, string path, string caseId)
    {
        var m = r.AsMapping(node, path);
        if (m is null)
        {
            return null;
        }

        r.RejectUnknownKeys(m, path, "quote", "by", "phase", "file", "line");
        string? phase = r.String(m, "phase", path, false);
        return new Quote(r.String(m, "quote", path) ?? string.Empty, r.String(m, "file", path) ?? string.Empty, r.Int(m, "line", path) ?? 0)
        {
            By = r.String(m, "by", path) ?? string.Empty,
            Phase = phase,
            Screen = Quote.ScreenOf(caseId, phase),
        };
    }

    private static Comparison? ReadComparison(YamlFieldReader r, YamlMappingNode root)
    {
        var m = r.AsMapping(r.Child(root, "comparison", string.Empty, required: false), "comparison");
        if (m is null)
        {
            return null;
        }

        r.RejectUnknownKeys(m, "comparison", "title", "left", "right", "figures");
        string title = r.String(m, "title", "comparison") ?? string.Empty;
        var figures = r.Sequence(m, "figures", "comparison", required: false).Select(p => ReadFigure(r, p.Node, p.Path)).OfType<KeyFigure>().ToList();
        return new Comparison(title, ReadSide(r, m, "left"), ReadSide(r, m, "right")) { Figures = figures };
    }

    private static ComparisonSide ReadSide(YamlFieldReader r, YamlMappingNode parent, string key)
    {
        string path = $"comparison.{key}";
        var m = r.AsMapping(r.Child(parent, key, "comparison", true), path);
        if (m is null)
        {
            return new ComparisonSide(string.Empty, []);
        }

        r.RejectUnknownKeys(m, path, "label", "points");
        return new ComparisonSide(r.String(m, "label", path) ?? string.Empty, r.StringList(m, "points", path));
    }
}
