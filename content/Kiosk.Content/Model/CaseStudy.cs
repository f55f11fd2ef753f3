namespace Kiosk.Content.Model;

/// <summary>One compiled case: a paper's story told as phases and coupling diagrams.</summary>
public sealed record CaseStudy(
    string Id,
    int Order,
    string Title,
    string? TitleZh,
    string Thesis,
    string Source,
    Citation Citation,
    IReadOnlyList<Place> Places,
    IReadOnlyList<CouplingMode> Modes,
    IReadOnlyList<Actor> Actors,
    IReadOnlyList<Phase> Phases,
    IReadOnlyList<GlossaryEntry> Glossary,
    IReadOnlyList<Quote> Quotes,
    Comparison? Comparison)
{
    public Actor? FindActor(string id) => Actors.FirstOrDefault(a => a.Id == id);

    public CouplingMode? FindMode(string id) => Modes.FirstOrDefault(m => m.Id == id);
}

public sealed record Citation(IReadOnlyList<string> Authors, int Year, string Title, string Journal, string? Volume);

public sealed record Place(string Name, string? NameZh, string? Region);

public sealed record CouplingMode(string Id, string Name, string Description);

public sealed record Actor(string Id, string Name, string? NameZh, string Kind, Scale Scale, string? Note);

public sealed record Phase(
    string Id,
    string Years,
    int StartYear,
    int? EndYear,
    string Title,
    string Short,
    string Summary,
    IReadOnlyList<KeyFigure> Figures,
    Diagram Diagram);

public sealed record KeyFigure(string Label, string Value, int Line);

public sealed record Diagram(IReadOnlyList<string> Actors, IReadOnlyList<Edge> Edges);

public sealed record Edge(string From, string To, string Relation, string Mode);

public sealed record GlossaryEntry(string Term, string? TermZh, string Definition);

public sealed record Quote(string Text, string File, int Line);

public sealed record Comparison(string Title, ComparisonSide Left, ComparisonSide Right);

public sealed record ComparisonSide(string Label, IReadOnlyList<string> Points);
