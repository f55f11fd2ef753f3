using Kiosk.Render.Frames;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using Kiosk.Render.Tests.Support;

namespace Kiosk.Render.Tests;

/// <summary>
/// Every screen type of the test pack at every profile, against committed PNGs. Run with
/// KIOSK_UPDATE_GOLDENS=1 to rewrite them after an intended change, then look at the new images before committing.
/// </summary>
public sealed class GoldenImageTests
{
    /// <summary>One of each screen type the test case has; p1 carries a pull quote, p4 a chart, the comparison a chart.</summary>
    private static readonly string[] _screens =
    [
        "home", "river-town", "river-town/p1", "river-town/p2", "river-town/p4", "river-town/p2/diagram", "river-town/glossary", "river-town/comparison", "about", "attract/river-town",
    ];

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var profile in DisplayProfile.Known)
            {
                foreach (string screen in _screens)
                {
                    data.Add(profile.Name, screen);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Screen_matches_its_golden_image(string profileName, string address)
    {
        var pack = TestPacks.Test;
        using var renderer = TestPacks.Renderer(pack, DisplayProfile.Parse(profileName));
        var actual = renderer.Render(Scene.At(ScreenAddress.Parse(address, pack.Content)));
        string name = $"{profileName}-{address.Replace('/', '_')}.png";

        if (Environment.GetEnvironmentVariable("KIOSK_UPDATE_GOLDENS") == "1")
        {
            string source = TestPaths.GoldenSource(name);
            Save(actual, source);
            Assert.Equal(0, FrameComparison.CountMismatches(FramePng.Decode(File.ReadAllBytes(source)), actual));
            return;
        }

        string golden = TestPaths.Golden(name);
        Assert.True(File.Exists(golden), $"no golden image {name}: run the tests with KIOSK_UPDATE_GOLDENS=1 to create it, look at it, and commit it");
        var expected = FramePng.Decode(File.ReadAllBytes(golden));
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));

        var diff = new Frame(actual.Width, actual.Height);
        int mismatches = FrameComparison.CountMismatches(expected, actual, diff);
        int allowed = FrameComparison.MaxMismatches(actual);
        if (mismatches > allowed)
        {
            string actualPath = TestPaths.FailureOutput(name.Replace(".png", ".actual.png"));
            string diffPath = TestPaths.FailureOutput(name.Replace(".png", ".diff.png"));
            Save(actual, actualPath);
            Save(diff, diffPath);
            Assert.Fail($"{address} at {profileName}: {mismatches} pixels differ by more than {FrameComparison.ChannelTolerance} in a channel (at most {allowed} allowed); actual: {actualPath}, diff: {diffPath}");
        }
    }

    private static void Save(Frame frame, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, FramePng.Encode(frame));
    }
}
