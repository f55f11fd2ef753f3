using Kiosk.Render.Painters;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using Kiosk.Render.Tests.Support;

namespace Kiosk.Render.Tests;

/// <summary>
/// Things of one kind on one screen are drawn in one size, measured from the runs as drawn: every node label of a
/// diagram, every relation (edge label) beside it, every case title on the home screen. A name drawn smaller than
/// its neighbours reads as less important (large text once gave some nodes 18 px and others 15 px).
/// </summary>
public sealed class OneSizeTests
{
    public static TheoryData<string, bool> ProfilesAndThemes()
    {
        var data = new TheoryData<string, bool>();
        foreach (var p in DisplayProfile.Known)
        {
            data.Add(p.Name, false);
            if (p.SupportsLargeText)
            {
                data.Add(p.Name, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProfilesAndThemes))]
    public void Every_diagram_has_one_node_label_size_and_one_edge_label_size(string profileName, bool largeText)
    {
        var pack = TestPacks.Builtin;
        using var renderer = new SceneRenderer(pack.Content, pack.Fonts, DisplayProfile.Parse(profileName), largeText: largeText);
        var runs = new List<DrawnText>();
        renderer.TextRuns = runs;
        var problems = new List<string>();
        int nodes = 0, edges = 0;
        for (int c = 0; c < pack.Content.Cases.Count; c++)
        {
            var cs = pack.Content.Cases[c];
            for (int p = 0; p < cs.Phases.Count; p++)
            {
                runs.Clear();
                renderer.Render(Scene.At(new Screen(ScreenKind.Diagram, c, p)) with { LargeText = largeText });
                var nodeRuns = runs.Where(r => r.What.StartsWith($"node {cs.Id}/", StringComparison.Ordinal)).ToList();
                var edgeRuns = runs.Where(r => r.What.StartsWith($"diagram {cs.Id}/{cs.Phases[p].Id} edge ", StringComparison.Ordinal)).ToList();
                nodes += nodeRuns.Count;
                edges += edgeRuns.Count;
                Check(problems, $"{cs.Id}/{cs.Phases[p].Id} node labels", nodeRuns);
                Check(problems, $"{cs.Id}/{cs.Phases[p].Id} edge labels", edgeRuns);
            }
        }

        // Compact layouts (small panels, large text under 720 lines) list no relations beside the diagram.
        bool listsRelations = profileName == "1920x1080" || (profileName == "800x480" && !largeText);
        Assert.True(nodes > 0 && (edges > 0 || !listsRelations), $"measured {nodes} node labels and {edges} edge labels");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }

    [Theory]
    [MemberData(nameof(ProfilesAndThemes))]
    public void Home_titles_share_one_size(string profileName, bool largeText)
    {
        var pack = TestPacks.Builtin;
        using var renderer = new SceneRenderer(pack.Content, pack.Fonts, DisplayProfile.Parse(profileName), largeText: largeText);
        var runs = new List<DrawnText>();
        renderer.TextRuns = runs;
        renderer.Render(Scene.At(Screen.Home(0)) with { LargeText = largeText });
        int cases = pack.Content.Cases.Count;
        // Cards (wide screens) or list rows (small ones): either way one run per case, one size.
        var titles = runs.Where(r => r.What.StartsWith("home list ", StringComparison.Ordinal) || (r.What.StartsWith("home ", StringComparison.Ordinal) && r.What.EndsWith(" title", StringComparison.Ordinal))).ToList();
        Assert.Equal(cases, titles.Count);
        var problems = new List<string>();
        Check(problems, "home titles", titles);
        Check(problems, "home Chinese titles", runs.Where(r => r.What.EndsWith(" title_zh", StringComparison.Ordinal)).ToList());
        Check(problems, "home theses", runs.Where(r => r.What.EndsWith(" thesis", StringComparison.Ordinal)).ToList());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(renderer.Overflows);
    }

    private static void Check(List<string> problems, string what, List<DrawnText> runs)
    {
        var sizes = runs.Select(r => MathF.Round(r.Size, 2)).Distinct().OrderBy(s => s).ToList();
        if (sizes.Count > 1)
        {
            problems.Add($"{what}: {sizes.Count} sizes ({string.Join(", ", sizes)} px): {string.Join(", ", runs.Where(r => MathF.Round(r.Size, 2) == sizes[0]).Select(r => r.What))} smallest");
        }
    }
}
