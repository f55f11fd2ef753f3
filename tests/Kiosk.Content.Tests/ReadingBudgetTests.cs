using Kiosk.Content.Diagnostics;
using Kiosk.Content.Sources;
using Kiosk.Content.Tests.Support;
using Kiosk.Content.Validation;

namespace Kiosk.Content.Tests;

/// <summary>
/// The reading budgets <c>pack build</c> enforces: each rule refuses a made-up violation with file, line and
/// field, and the built-in seeds pass all of them.
/// </summary>
public sealed class ReadingBudgetTests
{
    private const string FirstSentence = "This is a made-up phase written only for tests.";

    [Fact]
    public void PhaseBodyOverSeventyFiveWordsIsRefused()
    {
        string more = string.Concat(Enumerable.Repeat(" The town is small and quiet.", 3));
        using var src = new BrokenSource(FirstSentence, FirstSentence + more);
        var d = src.Single("phases[0].summary");
        Assert.Equal(src.ChangedLine - 1, d.Line); // a folded summary is located at its ">-" line, just above
        Assert.Matches(@"^reading budget: 8\d words; at most 75 in a phase body", d.Message);
    }

    [Fact]
    public void SmallPanelTextOverBudgetIsRefused()
    {
        string longShort = "    short: " + string.Join(' ', Enumerable.Repeat("Phase one in words.", 9));
        using var src = new BrokenSource("    short: Phase 1 of the made-up test case, in one short line.", longShort);
        var found = src.Build().Diagnostics.Where(d => d.Field == "phases[0].short").ToList();
        Assert.Contains(found, d => d.Message.Contains("reading budget: 36 words; at most 35", StringComparison.Ordinal));
        Assert.All(found, d => Assert.Equal(src.ChangedLine, d.Line));
    }

    [Fact]
    public void SentenceOverTwentyFiveWordsIsRefused()
    {
        string longSentence = "This made-up phase, which exists only so that the tests have a sentence long enough to break the rule, keeps going well past the twenty-five words a visitor reads in one breath.";
        using var src = new BrokenSource(FirstSentence + " The river town opens a small workshop district and invites two firms from the coast.", longSentence);
        var d = src.Single("phases[0].summary");
        Assert.Equal(src.ChangedLine - 1, d.Line); // a folded summary is located at its ">-" line, just above
        Assert.StartsWith("reading budget: a sentence of 32 words (\"This made-up phase, which exists only", d.Message);
    }

    [Fact]
    public void UnexplainedAbbreviationIsRefused()
    {
        using var src = new BrokenSource("    title: Workshops open", "    title: Workshops open in the EPZ");
        var d = src.Build().Diagnostics.First(x => x.Field == "phases[0].title");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.StartsWith("abbreviation 'EPZ' is not explained at its first use on screen river-town/p1", d.Message);
    }

    [Fact]
    public void AbbreviationSpelledOutAtFirstUseIsAccepted()
    {
        using var src = new BrokenSource(FirstSentence, "The export processing zone (EPZ) is made up. The EPZ exists only for tests.");
        var result = src.Build();
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("EPZ", StringComparison.Ordinal));
        Assert.NotNull(result.Content);
    }

    [Fact]
    public void DiagramModeWithoutShortOrGlossaryEntryIsRefused()
    {
        string text = File.ReadAllText(Path.Combine(TestFiles.TestSource, "river-town.yaml"));
        Assert.Contains("  - term: Bargaining", text);
        using var src = new BrokenSource("    short: Two parties trade on roughly equal terms.\n", string.Empty);
        File.WriteAllText(src.CaseFile, src.Text.Replace("  - term: Bargaining", "  - term: Haggling", StringComparison.Ordinal));
        var d = src.Single("modes[0].name");
        Assert.Equal(src.ChangedLine - 1, d.Line);
        Assert.Contains("mode 'bargain' is drawn in diagrams but not explained", d.Message);
    }

    [Fact]
    public void BuiltInSeedsMeetEveryBudget()
    {
        var files = Directory.GetFiles(Path.Combine(TestFiles.RepoRoot, "seeds"), "*.yaml").Where(f => Path.GetFileName(f) != "pack.yaml").ToList();
        Assert.Equal(5, files.Count);
        var diagnostics = new DiagnosticBag();
        foreach (string file in files)
        {
            var read = CaseSourceReader.Read(file, Path.GetFileName(file), diagnostics);
            Assert.NotNull(read.Case);
            new CaseValidator(read.Map, diagnostics).Validate(read.Case);
            new ReadingBudget(read.Map, diagnostics).Check(read.Case);
        }

        Assert.True(diagnostics.Items.Count == 0, string.Join(Environment.NewLine, diagnostics.Items));
    }
}
