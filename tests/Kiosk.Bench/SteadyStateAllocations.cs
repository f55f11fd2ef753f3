using Kiosk.Render;
using Kiosk.Render.Scenes;

namespace Kiosk.Bench;

/// <summary>Managed bytes a renderer allocates per frame once warm: the frame loop's GC pressure.</summary>
public static class SteadyStateAllocations
{
    public const int Frames = 50;

    /// <summary>Renders the scenes once to warm up, then again while counting this thread's allocations.</summary>
    public static double PerFrame(SceneRenderer renderer, Func<int, Scene> sceneAt)
    {
        for (int i = 0; i < Frames; i++)
        {
            renderer.Render(sceneAt(i));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Frames; i++)
        {
            renderer.Render(sceneAt(i));
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Frames;
    }
}
