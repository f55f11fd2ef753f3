using Kiosk.Render.Painters;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using Kiosk.Render.Tests.Support;

namespace Kiosk.Render.Tests;

/// <summary>
/// The timeline's year labels, measured where they are drawn: none touches another (kunshan's 12 phases in large
/// text overlapped once), all share one size that is never under the legible minimum, and the current phase's
/// label is always there.
/// </summary>
public sealed class TimelineTests
{
    [Theory]
    [InlineData("1920x1080", false)]
    [InlineData("1920x1080", true)]
    [InlineData("800x480", false)]
    [InlineData("800x480", true)]
    [InlineData("480x320", true)]
    public void Year_labels_never_overlap(string profileName, bool largeText)
    {
        var pack = TestPacks.Builtin;
        using var renderer = new SceneRenderer(pack.Content, pack.Fonts, DisplayProfile.Parse(profileName), largeText: largeText);
        var runs = new List<DrawnText>();
        renderer.TextRuns = runs;
        var problems = new List<string>();
        int labels = 0;
        for (int c = 0; c < pack.Content.Cases.Count; c++)
        {
            var cs = pack.Content.Cases[c];
            for (int p = 0; p < cs.Phases.Count; p++)
            {
                runs.Clear();
                renderer.Render(Scene.At(new Screen(ScreenKind.Phase, c, p)) with { LargeText = largeText });
                var years = runs.Where(r => r.What.StartsWith($"timeline {cs.Id} ", StringComparison.Ordinal)).ToList();
                labels += years.Count;
                if (!years.Any(r => r.What == $"timeline {cs.Id} {p}"))
                {
                    problems.Add($"{cs.Id}/{cs.Phases[p].Id}: the current phase's years are not drawn");
                }

                if (years.Select(r => r.Size).Distinct().Count() > 1)
                {
                    problems.Add($"{cs.Id}/{cs.Phases[p].Id}: labels in {years.Select(r => r.Size).Distinct().Count()} sizes");
                }

                for (int a = 0; a < years.Count; a++)
                {
                    for (int b = a + 1; b < years.Count; b++)
                    {
                        var ra = years[a].Box;
                        var rb = years[b].Box;
                        ra.Inflate(-0.5f, -0.5f);
                        if (ra.IntersectsWith(rb))
                        {
                            problems.Add($"{cs.Id}/{cs.Phases[p].Id}: '{years[a].What}' overlaps '{years[b].What}'");
                        }
                    }
                }
            }
        }

        int phases = pack.Content.Cases.Sum(cs => cs.Phases.Count);
        Assert.True(labels >= phases, $"only {labels} year labels drawn on {phases} phase screens");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }
}
