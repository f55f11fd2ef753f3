using Kiosk.Content.Packing;
using Kiosk.Render.Profiles;
using Kiosk.Render.Tests.Support;

namespace Kiosk.Render.Tests;

/// <summary>No edge of any diagram, at rest, passes through a node box other than its own two, or leaves the diagram.</summary>
public sealed class DiagramEdgeTests
{
    [Theory]
    [MemberData(nameof(TestPacks.Profiles), MemberType = typeof(TestPacks))]
    public void Builtin_edges_clear_every_node(string profileName) => AssertClear(TestPacks.Builtin, profileName);

    [Theory]
    [MemberData(nameof(TestPacks.Profiles), MemberType = typeof(TestPacks))]
    public void Test_pack_edges_clear_every_node(string profileName) => AssertClear(TestPacks.Test, profileName);

    private static void AssertClear(LoadedPack pack, string profileName)
    {
        using var renderer = TestPacks.Renderer(pack, DisplayProfile.Parse(profileName));
        var crossing = new List<string>();
        int edges = 0;
        for (int c = 0; c < pack.Content.Cases.Count; c++)
        {
            var cs = pack.Content.Cases[c];
            for (int p = 0; p < cs.Phases.Count; p++)
            {
                edges += cs.Phases[p].Diagram.Edges.Count;
                int n = renderer.EdgesThroughNodes(c, p);
                if (n > 0)
                {
                    crossing.Add($"{cs.Id}/{cs.Phases[p].Id}: {n} edge(s)");
                }
            }
        }

        Assert.True(edges > 0);
        Assert.True(crossing.Count == 0, $"at {profileName}, of {edges} edges:\n{string.Join("\n", crossing)}");
    }
}
