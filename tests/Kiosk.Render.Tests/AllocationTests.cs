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

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Frames; i++)
        {
            renderer.Render(scene);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{allocated} bytes allocated over {Frames} frames at rest");
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

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Frames; i++)
        {
            renderer.Render(new Scene(from, to, i / (float)Frames));
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{allocated} bytes allocated over {Frames} morph frames");
    }
}
