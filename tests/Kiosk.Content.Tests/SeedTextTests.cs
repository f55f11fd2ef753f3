using Kiosk.Content.Validation;

namespace Kiosk.Content.Tests;

public sealed class SeedTextTests
{
    private static readonly SeedText Seed = new("first line\nthe coalition led the transforma-\ntion of the\n  county, and *without* pause.\nlast\n");

    [Fact]
    public void QuoteAcrossAHyphenatedLineBreakIsFoundAtItsFirstLine()
    {
        Assert.Equal([2], Seed.FindStarts("the coalition led the transformation of the county"));
    }

    [Fact]
    public void QuoteStartingMidLineReportsThatLine()
    {
        Assert.Equal([3], Seed.FindStarts("of the county, and without pause."));
    }

    [Fact]
    public void AlteredQuoteIsNotFound()
    {
        Assert.Empty(Seed.FindStarts("the coalition led the transformation of a county"));
    }

    [Theory]
    [InlineData("400 million RMB", 1, true)]
    [InlineData("1,200 firms", 1, true)]
    [InlineData("73.49%", 2, true)]
    [InlineData("500 firms", 1, false)]
    public void FiguresMustBePrintedOnTheCitedLine(string value, int line, bool expected)
    {
        var seed = new SeedText("capital of 400 million with 1200 firms\nof which 73.49 percent\n");
        Assert.Equal(expected, seed.HasNumbersNear(value, line));
    }
}
