using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using Kiosk.Render.Tests.Support;

namespace Kiosk.Render.Tests;

/// <summary>A frame halfway through a transition shows neither end: the morph, fade and slide all move.</summary>
public sealed class TransitionTests
{
    [Theory]
    [InlineData("river-town/p2/diagram", "river-town/p3/diagram")] // diagram morph
    [InlineData("home", "river-town")] // slide deeper
    [InlineData("river-town/p2", "river-town/p2/diagram")] // cross-fade
    public void Halfway_frame_differs_from_both_ends(string from, string to)
    {
        var pack = TestPacks.Test;
        using var renderer = TestPacks.Renderer(pack, DisplayProfile.Spi480);
        var a = ScreenAddress.Parse(from, pack.Content);
        var b = ScreenAddress.Parse(to, pack.Content);
        var start = FrameComparison.Copy(renderer.Render(Scene.At(a)));
        var end = FrameComparison.Copy(renderer.Render(Scene.At(b)));
        Assert.True(FrameComparison.CountChanged(start, end) > 0, "the two ends must differ for this test to mean anything");

        var middle = renderer.Render(new Scene(a, b, 0.5f));

        Assert.True(FrameComparison.CountChanged(middle, start) > 0, $"{from} -> {to} at t=0.5 equals its start");
        Assert.True(FrameComparison.CountChanged(middle, end) > 0, $"{from} -> {to} at t=0.5 equals its end");
    }
}
