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

public sealed record Place(string Name, string? NameZh, string? Region)
{
    /// <summary>Degrees east (WGS 84) of the place's usual map point, for the locator maps.</summary>
    public double Lon { get; init; }

    /// <summary>Degrees north (WGS 84).</summary>
    public double Lat { get; init; }
}

public sealed record CouplingMode(string Id, string Name, string Description)
{
    /// <summary>One line (at most 12 words) a diagram legend can print beside the mode's name.</summary>
    public string? Short { get; init; }

    /// <summary>True for a mode that is not one of the paper's own (background links), drawn in a neutral style.</summary>
    public bool Context { get; init; }
}

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

public sealed record KeyFigure(string Label, string Value, int Line)
{
    /// <summary>Figures of one phase (or of the comparison) that share a series are comparable and drawn as one chart.</summary>
    public string? Series { get; init; }

    /// <summary>The figure as a number for a chart, in <see cref="Unit"/>; its digits appear in <see cref="KeyFigure.Value"/>.</summary>
    public double? Number { get; init; }

    public string? Unit { get; init; }

    /// <summary>The year the figure is for; the chart's category label when <see cref="Category"/> is absent.</summary>
    public int? Year { get; init; }

    /// <summary>The chart's category label (a place, a group) when the series compares things other than years.</summary>
    public string? Category { get; init; }
}

public sealed record Diagram(IReadOnlyList<string> Actors, IReadOnlyList<Edge> Edges);

public sealed record Edge(string From, string To, string Relation, string Mode);

public sealed record GlossaryEntry(string Term, string? TermZh, string Definition);

public sealed record Quote(string Text, string File, int Line)
{
    /// <summary>Who said it, shown with the quote: a role ("the authors", "a Kunshan official"), never a name the paper withholds.</summary>
    public string By { get; init; } = string.Empty;

    /// <summary>The phase whose screen shows the quote; none means the case's intro screen.</summary>
    public string? Phase { get; init; }

    /// <summary>The screen that shows the quote: <c>case/phase</c>, or <c>case</c> for the intro (the names <c>kiosk render --screen</c> takes).</summary>
    public string Screen { get; init; } = string.Empty;

    public static string ScreenOf(string caseId, string? phase) => phase is null ? caseId : $"{caseId}/{phase}";
}

public sealed record Comparison(string Title, ComparisonSide Left, ComparisonSide Right)
{
    /// <summary>The paper's headline comparative numbers (series as for phase figures), shown on the comparison screen.</summary>
    public IReadOnlyList<KeyFigure> Figures { get; init; } = [];
}

public sealed record ComparisonSide(string Label, IReadOnlyList<string> Points);
