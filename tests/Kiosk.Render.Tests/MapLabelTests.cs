using Kiosk.Render.Painters;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using Kiosk.Render.Tests.Support;
using SkiaSharp;

namespace Kiosk.Render.Tests;

/// <summary>
/// The locator maps (each case's intro, and the about screen's map of all five), measured as drawn: every place
/// has its dot, and no label (with the plate behind it) covers any dot, its own or another place's. Zhongguancun
/// sits a few pixels from Beijing, and Beijing's label once hid it.
/// </summary>
public sealed class MapLabelTests
{
    [Theory]
    [MemberData(nameof(OneSizeTests.ProfilesAndThemes), MemberType = typeof(OneSizeTests))]
    public void No_map_label_covers_a_dot(string profileName, bool largeText)
    {
        var pack = TestPacks.Builtin;
        using var renderer = new SceneRenderer(pack.Content, pack.Fonts, DisplayProfile.Parse(profileName), largeText: largeText);
        var runs = new List<DrawnText>();
        var marks = new List<DrawnMark>();
        renderer.TextRuns = runs;
        renderer.Marks = marks;
        var problems = new List<string>();
        int labels = 0, dots = 0;
        var screens = Enumerable.Range(0, pack.Content.Cases.Count).Select(c => new Screen(ScreenKind.CaseIntro, c)).Append(new Screen(ScreenKind.Glossary, -1));
        foreach (var screen in screens)
        {
            runs.Clear();
            marks.Clear();
            renderer.Render(Scene.At(screen) with { LargeText = largeText });
            string where = ScreenAddress.Format(screen, pack.Content);
            int places = screen.Kind == ScreenKind.CaseIntro ? pack.Content.Cases[screen.CaseIndex].Places.Count : pack.Content.Cases.Count(c => c.Places.Count > 0);
            if (marks.Count != places)
            {
                problems.Add($"{where}: {marks.Count} dots drawn for {places} places");
            }

            dots += marks.Count;
            foreach (var label in runs.Where(r => r.What.Contains(" map label ", StringComparison.Ordinal)))
            {
                labels++;
                var plate = label.Box;
                plate.Inflate(4, 1);
                foreach (var dot in marks.Where(d => Touches(plate, d.Centre, d.Radius)))
                {
                    problems.Add($"{where}: '{label.What}' covers {dot.What}");
                }
            }
        }

        Assert.True(labels >= pack.Content.Cases.Count, $"only {labels} map labels measured ({dots} dots)");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static bool Touches(SKRect box, SKPoint centre, float radius)
    {
        float dx = Math.Max(Math.Max(box.Left - centre.X, 0), centre.X - box.Right);
        float dy = Math.Max(Math.Max(box.Top - centre.Y, 0), centre.Y - box.Bottom);
        return (dx * dx) + (dy * dy) < radius * radius;
    }
}
