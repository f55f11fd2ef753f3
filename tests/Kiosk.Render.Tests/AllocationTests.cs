using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using Kiosk.Render.Tests.Support;

namespace Kiosk.Render.Tests;

/// <summary>Frames after warm-up allocate nothing managed, so the frame loop never pauses for the GC.</summary>
public sealed class AllocationTests
{
    private const int Frames = 50;

    [Fact]
    public void Scene_at_rest_allocates_nothing_per_frame()
    {
        var pack = TestPacks.Test;
        using var renderer = TestPacks.Renderer(pack, DisplayProfile.Touch);
        var scene = Scene.At(ScreenAddress.Parse("river-town/p2", pack.Content));
        for (int i = 0; i < 3; i++)
        {
            renderer.Render(scene);
        }

        var allocated = ThreadAllocations.Measure(() =>
        {
            for (int i = 0; i < Frames; i++)
            {
                renderer.Render(scene);
            }
        });

        Assert.True(allocated.Least == 0, $"{allocated} allocated over {Frames} frames at rest");
    }

    [Fact]
    public void Diagram_morph_allocates_nothing_per_frame()
    {
        var pack = TestPacks.Test;
        using var renderer = TestPacks.Renderer(pack, DisplayProfile.Touch);
        var from = ScreenAddress.Parse("river-town/p2/diagram", pack.Content);
        var to = ScreenAddress.Parse("river-town/p3/diagram", pack.Content);
        // Warm-up runs the same frames once, so lists that grow to the largest dirty-rectangle count are grown.
        for (int i = 0; i < Frames; i++)
        {
            renderer.Render(new Scene(from, to, i / (float)Frames));
        }

        var allocated = ThreadAllocations.Measure(() =>
        {
            for (int i = 0; i < Frames; i++)
            {
                renderer.Render(new Scene(from, to, i / (float)Frames));
            }
        });

        Assert.True(allocated.Least == 0, $"{allocated} allocated over {Frames} morph frames");
    }
}
