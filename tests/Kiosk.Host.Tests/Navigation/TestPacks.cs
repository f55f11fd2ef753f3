using Kiosk.Content.Model;

namespace Kiosk.Host.Tests.Navigation;

/// <summary>Small packs for navigator tests: only ids, phase counts and comparisons matter to navigation.</summary>
internal static class TestPacks
{
    /// <summary>
    /// Three cases: <c>alpha</c> (3 phases, comparison), <c>beta</c> (2 phases, no comparison) and <c>gamma</c>
    /// (4 phases, comparison), in that home order.
    /// </summary>
    public static PackContent Standard() => Pack(
        Case("alpha", phases: 3, comparison: true),
        Case("beta", phases: 2, comparison: false),
        Case("gamma", phases: 4, comparison: true));

    public static PackContent Pack(params CaseStudy[] cases) => Pack("test-pack", cases);

    public static PackContent Pack(string id, params CaseStudy[] cases) => new(id, "1.0.0", "Test pack", cases);

    public static CaseStudy Case(string id, int phases, bool comparison = false, int order = 0)
    {
        var phaseList = new Phase[phases];
        for (int i = 0; i < phases; i++)
        {
            phaseList[i] = new Phase(
                Id: $"{id}-p{i}",
                Years: $"{2000 + i}",
                StartYear: 2000 + i,
                EndYear: null,
                Title: $"{id} phase {i}",
                Short: $"p{i}",
                Summary: $"Summary of {id} phase {i}.",
                Figures: [],
                Diagram: new Diagram(["a", "b"], [new Edge("a", "b", "couples", "m")]));
        }

        return new CaseStudy(
            Id: id,
            Order: order,
            Title: $"Case {id}",
            TitleZh: null,
            Thesis: $"What {id} shows.",
            Source: $"{id}.txt",
            Citation: new Citation(["A. Author"], 2020, $"On {id}", "Journal", null),
            Places: [new Place(id, null, null)],
            Modes: [new CouplingMode("m", "Mode", "A mode.")],
            Actors: [new Actor("a", "Actor A", null, "firm", Scale.Firm, null), new Actor("b", "Actor B", null, "government", Scale.City, null)],
            Phases: phaseList,
            Glossary: [new GlossaryEntry("term", null, "A definition.")],
            Quotes: [],
            Comparison: comparison
                ? new Comparison($"{id} compared", new ComparisonSide("Left", ["l1", "l2"]), new ComparisonSide("Right", ["r1", "r2"]))
                : null);
    }
}
