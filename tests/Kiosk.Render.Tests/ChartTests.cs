using Kiosk.Render.Layout;
using Kiosk.Render.Painters;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using Kiosk.Render.Tests.Support;

namespace Kiosk.Render.Tests;

/// <summary>
/// Every chart of the built-in pack (a phase's series, a comparison's headline numbers) is drawn at every profile
/// and theme, on the screen's own pages: each charted figure's value and its year or category are on the glass,
/// at least the profile's smallest legible size, and no two of them overlap. On small panels the charts have a
/// page of their own.
/// </summary>
public sealed class ChartTests
{
    [Theory]
    [MemberData(nameof(OneSizeTests.ProfilesAndThemes), MemberType = typeof(OneSizeTests))]
    public void Every_chart_is_drawn_whole_and_legible(string profileName, bool largeText)
    {
        var pack = TestPacks.Builtin;
        var profile = DisplayProfile.Parse(profileName);
        float min = new Metrics(profile, largeText ? Theme.LargeText.TextScale : 1).MinText;
        using var renderer = new SceneRenderer(pack.Content, pack.Fonts, profile, largeText: largeText);
        var runs = new List<DrawnText>();
        renderer.TextRuns = runs;
        var problems = new List<string>();
        int charted = 0;
        for (int c = 0; c < pack.Content.Cases.Count; c++)
        {
            var cs = pack.Content.Cases[c];
            var screens = cs.Phases.Select((p, i) => (Screen: new Screen(ScreenKind.Phase, c, i), p.Figures)).ToList();
            if (cs.Comparison is { } cmp)
            {
                screens.Add((new Screen(ScreenKind.Comparison, c), cmp.Figures));
            }

            foreach (var (screen, figures) in screens)
            {
                int expected = figures.Where(f => f.Series is not null && f.Number is not null).GroupBy(f => f.Series).Where(g => g.Count() >= 2).Sum(g => g.Count());
                if (expected == 0)
                {
                    continue;
                }

                charted += expected;
                int values = 0, labels = 0;
                for (int page = 0; page < renderer.PageCount(screen, largeText); page++)
                {
                    runs.Clear();
                    var s = screen with { Page = page };
                    renderer.Render(Scene.At(s) with { LargeText = largeText });
                    string where = ScreenAddress.Format(s, pack.Content);
                    var chart = runs.Where(r => r.What.Contains(" chart value ", StringComparison.Ordinal) || r.What.Contains(" chart label ", StringComparison.Ordinal)).ToList();
                    values += chart.Count(r => r.What.Contains(" chart value ", StringComparison.Ordinal));
                    labels += chart.Count(r => r.What.Contains(" chart label ", StringComparison.Ordinal));
                    problems.AddRange(chart.Where(r => r.Size < min - 0.01f).Select(r => $"{where}: {r.What} at {r.Size:0.0} px, under {min:0.0}"));
                    for (int a = 0; a < chart.Count; a++)
                    {
                        for (int b = a + 1; b < chart.Count; b++)
                        {
                            var ra = chart[a].Box;
                            ra.Inflate(-0.5f, -0.5f);
                            if (ra.IntersectsWith(chart[b].Box))
                            {
                                problems.Add($"{where}: '{chart[a].What}' overlaps '{chart[b].What}'");
                            }
                        }
                    }
                }

                if (values != expected || labels != expected)
                {
                    problems.Add($"{ScreenAddress.Format(screen, pack.Content)}: {values} values and {labels} labels drawn for {expected} charted figures");
                }
            }
        }

        Assert.True(charted >= 4, $"only {charted} charted figures in the built-in pack");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
        Assert.Empty(renderer.Overflows);
    }
}
