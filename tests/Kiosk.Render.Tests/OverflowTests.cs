using Kiosk.Content.Packing;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using Kiosk.Render.Tests.Support;

namespace Kiosk.Render.Tests;

/// <summary>Every screen's text fits its box at the smallest allowed size: nothing is cut on the glass.</summary>
public sealed class OverflowTests
{
    [Theory]
    [InlineData("1920x1080")]
    [InlineData("800x480")]
    [InlineData("480x320")]
    [InlineData("320x240")]
    public void Test_pack_fits_at_every_profile(string profileName) => AssertFits(TestPacks.Test, profileName);

    [Theory]
    [InlineData("1920x1080")]
    [InlineData("800x480")]
    [InlineData("480x320")]
    [InlineData("320x240")]
    public void Builtin_pack_fits(string profileName) => AssertFits(TestPacks.Builtin, profileName);

    private static void AssertFits(LoadedPack pack, string profileName)
    {
        using var renderer = TestPacks.Renderer(pack, DisplayProfile.Parse(profileName));
        int screens = 0;
        foreach (var screen in ProofSheet.AllScreens(renderer).ToList())
        {
            renderer.Render(Scene.At(screen));
            screens++;
        }

        Assert.True(screens > 0);
        Assert.True(renderer.Overflows.Count == 0, $"{screens} screens at {profileName}; text cut to fit:\n{string.Join("\n", renderer.Overflows.Distinct())}");
    }
}
