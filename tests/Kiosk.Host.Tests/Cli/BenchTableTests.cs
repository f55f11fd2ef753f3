using Kiosk.Bench;

namespace Kiosk.Host.Tests.Cli;

/// <summary>`kiosk bench` says which goal is not met and why, under the table (issue 10's done-when).</summary>
public sealed class BenchTableTests
{
    [Fact]
    public void A_goal_not_met_is_named_under_the_table_with_its_reason()
    {
        var rows = new List<BenchRow>
        {
            new("fast thing", 1.2, 4, BenchUnit.TimesMemcpy),
            new("small thing", 0.41, 0.30, BenchUnit.ShareOfFullFrame) { Why = "the pixels that change are 23% of the panel" },
            new("unexplained thing", 9, 4, BenchUnit.TimesMemcpy),
        };

        string[] lines = BenchTable.Format(rows).Split('\n');

        Assert.Contains("1 of 3 goals met", lines);
        Assert.Contains("not met: small thing: the pixels that change are 23% of the panel", lines);
        Assert.Contains("not met: unexplained thing: no reason known to the bench", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("not met: fast thing", StringComparison.Ordinal));
    }

    [Fact]
    public void The_phase_step_row_measures_the_changed_pixels_it_cites()
    {
        var pack = Kiosk.Content.Packing.PackReader.Read(SeedPack.Path);
        var step = PhaseStepBytes.Measure(pack.Content, pack.Fonts, Kiosk.Render.Profiles.DisplayProfile.Spi320, Kiosk.Render.Scenes.ScreenKind.Phase);

        Assert.True(step.Steps > 0);
        // What the rectangles send can never be less than the pixels that differ (2 bytes each, of 2 a pixel).
        Assert.InRange(step.ChangedPixels, 0.01, step.Mean);
    }
}
