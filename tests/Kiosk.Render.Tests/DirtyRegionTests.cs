using Kiosk.Render.Frames;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using Kiosk.Render.Tests.Support;

namespace Kiosk.Render.Tests;

/// <summary>
/// The rectangles a frame reports as changed, checked against a diff of the two frames made here: they must
/// hold every changed pixel and nothing but changed tiles (on SPI panels, shrunk to the changed pixels), so
/// panels get all of the change and little more.
/// </summary>
public sealed class DirtyRegionTests
{

    [Theory]
    [MemberData(nameof(TestPacks.Profiles), MemberType = typeof(TestPacks))]
    public void Unchanged_frame_has_no_dirty_rectangles(string profileName)
    {
        var pack = TestPacks.Test;
        using var renderer = TestPacks.Renderer(pack, DisplayProfile.Parse(profileName));
        var screen = ScreenAddress.Parse("river-town/p2/diagram", pack.Content);

        var first = renderer.Render(Scene.At(screen));
        Assert.Equal([first.Bounds], first.Dirty);
        var again = renderer.Render(Scene.At(screen));

        Assert.Empty(again.Dirty);
    }

    [Theory]
    [MemberData(nameof(TestPacks.Profiles), MemberType = typeof(TestPacks))]
    public void Phase_step_marks_every_changed_pixel_and_only_changed_tiles(string profileName)
    {
        var pack = TestPacks.Test;
        using var renderer = TestPacks.Renderer(pack, DisplayProfile.Parse(profileName));
        foreach (string kind in new[] { string.Empty, "/diagram" })
        {
            var before = FrameComparison.Copy(renderer.Render(Scene.At(ScreenAddress.Parse("river-town/p2" + kind, pack.Content))));
            var after = renderer.Render(Scene.At(ScreenAddress.Parse("river-town/p3" + kind, pack.Content)));
            CheckDirty(before, after, $"p2 -> p3{kind} at {profileName}");
        }
    }

    private static void CheckDirty(Frame before, Frame after, string what)
    {
        Assert.NotEmpty(after.Dirty);
        foreach (var rect in after.Dirty)
        {
            Assert.False(rect.IsEmpty, $"{what}: empty rectangle {rect}");
            Assert.Equal(rect, rect.Intersect(after.Bounds));
        }

        bool[] covered = new bool[after.Width * after.Height];
        foreach (var rect in after.Dirty)
        {
            for (int y = rect.Y; y < rect.Bottom; y++)
            {
                covered.AsSpan((y * after.Width) + rect.X, rect.Width).Fill(true);
            }
        }

        int changed = 0;
        for (int y = 0; y < after.Height; y++)
        {
            for (int x = 0; x < after.Width; x++)
            {
                if (PixelChanged(before, after, x, y))
                {
                    changed++;
                    Assert.True(covered[(y * after.Width) + x], $"{what}: pixel ({x}, {y}) changed outside every dirty rectangle");
                }
            }
        }

        Assert.True(changed > 0, $"{what}: the step changed nothing, so it tests nothing");
        int tile = DirtyTracker.TileSizeFor(after.Width);
        bool tight = after.Width <= 480; // SPI panels get rectangles shrunk to the changed pixels
        foreach (var rect in after.Dirty)
        {
            if (!tight)
            {
                Assert.True(rect.X % tile == 0 && rect.Y % tile == 0, $"{what}: {rect} is not on the {tile}-pixel tile grid");
            }

            for (int ty = rect.Y / tile * tile; ty < rect.Bottom; ty += tile)
            {
                for (int tx = rect.X / tile * tile; tx < rect.Right; tx += tile)
                {
                    Assert.True(TileChanged(before, after, tx, ty, tile), $"{what}: {rect} covers the unchanged tile at ({tx}, {ty})");
                }
            }

            if (tight)
            {
                // Every edge of a tightened rectangle touches a changed pixel, or it could be smaller.
                Assert.True(Enumerable.Range(rect.X, rect.Width).Any(x => PixelChanged(before, after, x, rect.Y)), $"{what}: top row of {rect} unchanged");
                Assert.True(Enumerable.Range(rect.X, rect.Width).Any(x => PixelChanged(before, after, x, rect.Bottom - 1)), $"{what}: bottom row of {rect} unchanged");
                Assert.True(Enumerable.Range(rect.Y, rect.Height).Any(y => PixelChanged(before, after, rect.X, y)), $"{what}: left column of {rect} unchanged");
                Assert.True(Enumerable.Range(rect.Y, rect.Height).Any(y => PixelChanged(before, after, rect.Right - 1, y)), $"{what}: right column of {rect} unchanged");
            }
        }
    }

    private static bool TileChanged(Frame before, Frame after, int x0, int y0, int tile)
    {
        for (int y = y0; y < Math.Min(y0 + tile, after.Height); y++)
        {
            for (int x = x0; x < Math.Min(x0 + tile, after.Width); x++)
            {
                if (PixelChanged(before, after, x, y))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool PixelChanged(Frame a, Frame b, int x, int y) =>
        !a.Pixels.AsSpan((y * a.Stride) + (x * 4), 4).SequenceEqual(b.Pixels.AsSpan((y * b.Stride) + (x * 4), 4));
}
