using Kiosk.Content.Packing;
using Kiosk.Content.Tests.Support;

namespace Kiosk.Content.Tests;

/// <summary>
/// The fields the maps, pull quotes and charts draw from: places' coordinates, quotes' speakers and phases,
/// modes' one-liners and context flag, and figures' series. Each broken one is refused with file, line and field.
/// </summary>
public sealed class SchemaFieldTests
{
    [Fact]
    public void PlaceOutsideTheMapIsRefused()
    {
        using var src = new BrokenSource("    lon: 112.5", "    lon: 12.5");
        var d = src.Single("places[0].lon");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Contains("outside the map", d.Message);
    }

    [Fact]
    public void PlaceLatitudeOutsideTheMapIsRefused()
    {
        using var src = new BrokenSource("    lat: 30.25", "    lat: 60");
        var d = src.Single("places[0].lat");
        Assert.Equal(src.ChangedLine, d.Line);
    }

    [Fact]
    public void PlaceWithoutCoordinatesIsRefused()
    {
        using var src = new BrokenSource("    lat: 30.25\n", string.Empty);
        var d = src.Single("places[0].lat");
        Assert.Equal("missing required field", d.Message);
    }

    [Fact]
    public void QuoteWithUnknownPhaseIsRefused()
    {
        using var src = new BrokenSource("    phase: p1", "    phase: p9");
        var d = src.Single("quotes[0].phase");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Contains("unknown phase 'p9'", d.Message);
    }

    [Fact]
    public void QuoteWithoutSpeakerIsRefused()
    {
        using var src = new BrokenSource("    by: the fictional authors\n", string.Empty);
        Assert.Equal("missing required field", src.Single("quotes[0].by").Message);
    }

    [Fact]
    public void ModeContextMustBeTrueOrFalse()
    {
        using var src = new BrokenSource("    context: true", "    context: perhaps");
        var d = src.Single("modes[1].context");
        Assert.Equal(src.ChangedLine, d.Line);
    }

    [Fact]
    public void ModeShortOverTwelveWordsIsRefused()
    {
        using var src = new BrokenSource("    short: A higher office gives the orders.", "    short: A higher office gives the orders and then checks every one of them twice a year.");
        var d = src.Single("modes[1].short");
        Assert.Equal(src.ChangedLine, d.Line);
    }

    [Fact]
    public void SeriesNumberMustBeThePrintedValue()
    {
        using var src = new BrokenSource("        number: 7", "        number: 8");
        var d = src.Single("phases[3].figures[1].number");
        Assert.Equal(src.ChangedLine, d.Line);
        Assert.Contains("not the number printed in value", d.Message);
    }

    [Fact]
    public void SeriesOfOneFigureIsRefused()
    {
        using var src = new BrokenSource("        series: firms\n        number: 7", "        series: other\n        number: 7");
        Assert.Contains(src.Build().Diagnostics, d => d.Field == "phases[3].figures[0].series" && d.Message.Contains("two or more"));
    }

    [Fact]
    public void SeriesUnitsMustAgree()
    {
        using var src = new BrokenSource("      unit: firms\n      category: After", "      unit: workshops\n      category: After");
        var d = src.Single("comparison.figures[1].unit");
        Assert.Equal(src.ChangedLine, d.Line);
    }

    [Fact]
    public void SeriesFigureNeedsYearOrCategory()
    {
        using var src = new BrokenSource("      category: Before\n", string.Empty);
        Assert.Contains("a year or a category", src.Single("comparison.figures[0].category").Message);
    }

    [Fact]
    public void CompiledPackCarriesTheNewFields()
    {
        using var dir = new TempDir();
        var result = new PackCompiler(FakeClock.AtPackBuildTime()).Build(TestFiles.TestSource, dir.File("t.kpack"));
        var c = Assert.Single(PackReader.Read(dir.File("t.kpack")).Content.Cases);
        Assert.NotNull(result.Content);
        Assert.Equal((112.5, 30.25), (c.Places[0].Lon, c.Places[0].Lat));
        Assert.Equal("river-town/p1", c.Quotes[0].Screen);
        Assert.Equal("the fictional authors", c.Quotes[0].By);
        Assert.True(c.Modes[1].Context);
        Assert.False(c.Modes[0].Context);
        Assert.Equal([3.0, 9.0], c.Comparison!.Figures.Select(f => f.Number!.Value));
    }
}
