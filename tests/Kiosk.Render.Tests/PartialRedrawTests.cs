using Kiosk.Render.Frames;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using Kiosk.Render.Tests.Support;

namespace Kiosk.Render.Tests;

/// <summary>
/// A morph draws and compares only the region that can change once its buffers hold frames of the same morph.
/// Every such frame must equal, pixel for pixel, the same scene drawn whole by a fresh renderer, and its dirty
/// rectangles must hold every pixel that changed.
/// </summary>
public sealed class PartialRedrawTests
{
    [Theory]
    [MemberData(nameof(TestPacks.Profiles), MemberType = typeof(TestPacks))]
    public void Morph_frames_equal_whole_redraws(string profileName)
    {
        var profile = DisplayProfile.Parse(profileName);
        foreach (var pack in new[] { TestPacks.Test, TestPacks.Builtin })
        {
            int c = pack.Content.Cases.ToList().FindIndex(x => x.Phases.Count >= 4);
            var from = new Screen(ScreenKind.Diagram, c, 2);
            var to = new Screen(ScreenKind.Diagram, c, 3);
            using var sequential = TestPacks.Renderer(pack, profile);
            sequential.Render(Scene.At(from));
            Frame? previous = null;
            for (int i = 1; i < 12; i++)
            {
                var scene = new Scene(from, to, i / 12f);
                var frame = sequential.Render(scene);
                using var fresh = TestPacks.Renderer(pack, profile);
                var whole = fresh.Render(scene);
                Assert.True(frame.Pixels.AsSpan().SequenceEqual(whole.Pixels), $"{profileName} {pack.Manifest.Id} t={scene.T:0.00}: {FrameComparison.CountChanged(frame, whole)} pixels differ from a whole redraw");
                if (previous is not null)
                {
                    AssertDirtyCovers(previous, frame);
                }

                previous = FrameComparison.Copy(frame);
            }
        }
    }

    private static void AssertDirtyCovers(Frame before, Frame after)
    {
        for (int y = 0; y < after.Height; y++)
        {
            for (int x = 0; x < after.Width; x++)
            {
                int i = (y * after.Stride) + (x * 4);
                if (before.Pixels.AsSpan(i, 4).SequenceEqual(after.Pixels.AsSpan(i, 4)))
                {
                    continue;
                }

                Assert.True(after.Dirty.Any(r => x >= r.X && x < r.Right && y >= r.Y && y < r.Bottom), $"pixel ({x}, {y}) changed outside every dirty rectangle");
            }
        }
    }
}
