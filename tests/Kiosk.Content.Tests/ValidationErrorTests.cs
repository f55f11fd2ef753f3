using Kiosk.Content.Tests.Support;

namespace Kiosk.Content.Tests;

/// <summary>One broken source per rule: the error names file, line, column and field, and nothing is written.</summary>
public sealed class ValidationErrorTests
{
    [Fact]
    public void UnknownActorInEdge()
    {
        using var src = new BrokenSource("          to: alpha", "          to: smec");
        var d = src.Single("phases[0].diagram.edges[0].to");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Equal("          to: ".Length + 1, d.Column);
        Assert.Equal("unknown actor 'smec'", d.Message);
        Assert.Matches(@"river-town\.yaml:\d+:15: phases\[0\]\.diagram\.edges\[0\]\.to: unknown actor 'smec'$", d.ToString());
    }

    [Fact]
    public void UnknownActorInDiagramActors()
    {
        using var src = new BrokenSource("      actors: [town, alpha]", "      actors: [town, alpha, ghost]");
        var d = src.Single("phases[0].diagram.actors[2]");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Contains("unknown actor 'ghost'", d.Message);
    }

    [Fact]
    public void DuplicateActorId()
    {
        using var src = new BrokenSource("  - id: beta", "  - id: alpha");
        var d = src.Single("actors[2].id");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Contains("duplicate id 'alpha'", d.Message);
    }

    [Fact]
    public void DuplicatePhaseId()
    {
        using var src = new BrokenSource("  - id: p2", "  - id: p1");
        var d = src.Single("phases[1].id");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Contains("duplicate id 'p1'", d.Message);
    }

    [Fact]
    public void PhasesOutOfOrder()
    {
        using var src = new BrokenSource("years: \"2006-2009\"", "years: \"1999-2009\"");
        var d = src.Single("phases[2].years");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Contains("phases out of order", d.Message);
    }

    [Fact]
    public void EmptyText()
    {
        using var src = new BrokenSource("    title: Workshops open", "    title: \"\"");
        var d = src.Single("phases[0].title");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Equal("must not be empty", d.Message);
    }

    [Fact]
    public void OverLongTitle()
    {
        string longTitle = string.Join(' ', Enumerable.Repeat("Workshops", 8));
        using var src = new BrokenSource("    title: Workshops open", "    title: " + longTitle);
        var d = src.Single("phases[0].title");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Equal($"too long: {longTitle.Length} characters, at most 60", d.Message);
    }

    [Fact]
    public void SummaryTooShort()
    {
        using var src = new BrokenSource("    summary: >-\n      This is a made-up phase", "    summary: Too short.\n      # This is a made-up phase");
        var result = src.Build();
        var d = Assert.Single(result.Diagnostics, x => x.Field == "phases[0].summary");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Equal("2 words; write 30 to 120", d.Message);
    }

    [Fact]
    public void QuoteOverTwentyFiveWords()
    {
        string words = string.Join(' ', Enumerable.Range(1, 30).Select(i => "word"));
        using var src = new BrokenSource("  - quote: \"the river town opened its first workshop in 2001\"", $"  - quote: \"{words}\"");
        var d = src.Single("quotes[0].quote");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Equal("too long: 30 words, at most 25", d.Message);
    }

    [Fact]
    public void MissingCitation()
    {
        using var src = new BrokenSource(
            "citation:\n  authors: [Ada Example, Bo Sample]\n  year: 2020\n  title: A Fictional Paper for Tests\n  journal: Journal of Test Fixtures\n",
            string.Empty);
        var d = src.Single("citation");
        Assert.Equal("missing required field", d.Message);
        // Reported at the case's top-level mapping, the place a curator adds the block.
        int rootLine = src.Text.Split('\n').ToList().FindIndex(l => l.StartsWith("id: ", StringComparison.Ordinal)) + 1;
        Assert.Equal(rootLine, d.Line);
    }

    [Fact]
    public void MissingCitationJournal()
    {
        using var src = new BrokenSource("  journal: Journal of Test Fixtures\n", string.Empty);
        var d = src.Single("citation.journal");
        Assert.Equal("missing required field", d.Message);
    }

    [Fact]
    public void UnknownScale()
    {
        using var src = new BrokenSource("    scale: county", "    scale: prefecture");
        var d = src.Single("actors[0].scale");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.StartsWith("unknown scale 'prefecture'", d.Message);
    }

    [Fact]
    public void UnknownMode()
    {
        using var src = new BrokenSource("          mode: bargain", "          mode: structural");
        var d = src.Single("phases[0].diagram.edges[0].mode");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.StartsWith("unknown mode 'structural'", d.Message);
    }

    [Fact]
    public void GlyphTheFontsLack()
    {
        using var src = new BrokenSource("title: River Town Workshops", "title: River Town Workshops 河");
        var d = src.Single("title");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Equal("no font in the pack has a glyph for U+6CB3 '河'", d.Message);
    }

    [Fact]
    public void BidirectionalOverride()
    {
        // U+202E, the right-to-left override (pasted from another document, say): invisible in most editors, it
        // would show the rest of the title reversed.
        using var src = new BrokenSource("title: River Town Workshops", "title: River Town \u202EWorkshops");
        var d = src.Single("title");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Equal("holds the bidirectional control U+202E, which reorders the text after it; displayed text may not", d.Message);
    }

    [Fact]
    public void UnknownFieldIsReported()
    {
        using var src = new BrokenSource("    short: Phase 1", "    shrt: Phase 1");
        var d = src.Single("phases[0].shrt");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.StartsWith("unknown field 'shrt'", d.Message);
    }

    [Fact]
    public void YamlSyntaxErrorHasALine()
    {
        using var src = new BrokenSource("title: River Town Workshops", "title: River: Town: Workshops");
        var result = src.Build();
        var d = Assert.Single(result.Diagnostics);
        Assert.StartsWith("YAML:", d.Message);
        Assert.True(d.Line >= src.ChangedLine, d.ToString());
    }

    [Fact]
    public void NotANumber()
    {
        using var src = new BrokenSource("  year: 2020", "  year: twenty");
        var d = src.Single("citation.year");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Equal("expected a whole number, found 'twenty'", d.Message);
    }

    [Fact]
    public void EdgeToActorOutsideThePhase()
    {
        using var src = new BrokenSource("          to: alpha", "          to: prov");
        var d = src.Single("phases[0].diagram.edges[0].to");
        Assert.Equal("actor 'prov' is not in this phase's diagram.actors", d.Message);
    }
}
