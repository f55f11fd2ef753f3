using Kiosk.Content.Packing;
using Kiosk.Render.Frames;
using Kiosk.Render.Painters;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using Kiosk.Render.Tests.Support;

namespace Kiosk.Render.Tests;

/// <summary>
/// Every text run on every screen, measured from the rendered pixels: its background is the commonest colour in
/// the run's box, its ink the pixel there that stands out most from that background, and their WCAG contrast
/// ratio must be at least 4.5:1 in the normal theme and 7:1 in the large-text theme (whose text must also be
/// at least 1.5x the normal theme's smallest size).
/// </summary>
public sealed class ContrastTests
{
    public static TheoryData<string, string, bool> Cases
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach (bool large in (bool[])[false, true])
            {
                // The large-text mode is offered only where the profile has room for it (SupportsLargeText).
                foreach (var profile in DisplayProfile.Known.Where(p => !large || p.SupportsLargeText))
                {
                    data.Add("test", profile.Name, large);
                }

                data.Add("builtin", "1920x1080", large);
                data.Add("builtin", large ? "480x320" : "320x240", large);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_text_run_has_enough_contrast(string packName, string profileName, bool largeText)
    {
        var pack = packName == "test" ? TestPacks.Test : TestPacks.Builtin;
        var profile = DisplayProfile.Parse(profileName);
        double required = largeText ? 7.0 : 4.5;
        using var renderer = new SceneRenderer(pack.Content, pack.Fonts, profile, largeText: largeText);
        Assert.Equal(largeText, renderer.LargeText);
        var runs = new List<DrawnText>();
        renderer.TextRuns = runs;
        var failures = new List<string>();
        int measured = 0;
        foreach (var screen in ProofSheet.AllScreens(renderer).ToList())
        {
            runs.Clear();
            var frame = renderer.Render(Scene.At(screen) with { LargeText = largeText });
            foreach (var run in runs)
            {
                if (Measure(frame, run) is not { } ratio)
                {
                    continue;
                }

                measured++;
                if (ratio < required)
                {
                    failures.Add($"{ScreenAddress.Format(screen, pack.Content)}: {run.What} {ratio:0.00}:1 (ink #{run.Color.Red:X2}{run.Color.Green:X2}{run.Color.Blue:X2})");
                }
            }
        }

        Assert.True(measured > 50, $"only {measured} text runs measured");
        Assert.True(failures.Count == 0, $"{failures.Count} of {measured} runs under {required}:1 at {profileName}{(largeText ? " large-text" : string.Empty)}:\n{string.Join("\n", failures.Distinct().Take(40))}");
    }

    [Theory]
    [InlineData("builtin", "1920x1080")]
    [InlineData("test", "800x480")]
    public void Large_text_is_at_least_one_and_a_half_times_the_normal_theme(string packName, string profileName)
    {
        var pack = packName == "test" ? TestPacks.Test : TestPacks.Builtin;
        var profile = DisplayProfile.Parse(profileName);
        using var renderer = new SceneRenderer(pack.Content, pack.Fonts, profile, largeText: true);
        var runs = new List<DrawnText>();
        foreach (var screen in ProofSheet.AllScreens(renderer).ToList())
        {
            renderer.TextRuns = runs;
            renderer.Render(Scene.At(screen) with { LargeText = true });
        }

        float normal = SmallestRun(pack, profile);
        var under = runs.Where(r => r.Size < (normal * 1.5f) - 0.01f).Select(r => $"{r.What} {r.Size:0.0} px").Distinct().ToList();
        Assert.True(under.Count == 0, $"{under.Count} large-text runs under 1.5x the normal theme's smallest ({normal:0.0} px):\n{string.Join("\n", under.Take(40))}");
    }

    private static float SmallestRun(LoadedPack pack, DisplayProfile profile)
    {
        using var renderer = new SceneRenderer(pack.Content, pack.Fonts, profile);
        var runs = new List<DrawnText>();
        foreach (var screen in ProofSheet.AllScreens(renderer).ToList())
        {
            renderer.TextRuns = runs;
            renderer.Render(Scene.At(screen));
        }

        return runs.Min(r => r.Size);
    }

    /// <summary>The contrast of a run's ink against its background, from the pixels in its box; null for an empty box.</summary>
    private static double? Measure(Frame frame, DrawnText run)
    {
        int x0 = Math.Max(0, (int)MathF.Floor(run.Box.Left)), y0 = Math.Max(0, (int)MathF.Floor(run.Box.Top));
        int x1 = Math.Min(frame.Width, (int)MathF.Ceiling(run.Box.Right)), y1 = Math.Min(frame.Height, (int)MathF.Ceiling(run.Box.Bottom));
        if (x1 - x0 < 2 || y1 - y0 < 2)
        {
            return null;
        }

        var counts = new Dictionary<int, int>();
        for (int y = y0; y < y1; y++)
        {
            var row = frame.Row(y);
            for (int x = x0; x < x1; x++)
            {
                int rgb = (row[(x * 4) + 2] << 16) | (row[(x * 4) + 1] << 8) | row[x * 4];
                counts[rgb] = counts.GetValueOrDefault(rgb) + 1;
            }
        }

        int background = counts.MaxBy(kv => kv.Value).Key;
        double lb = Luminance(background);
        double best = 1;
        foreach (int rgb in counts.Keys)
        {
            double l = Luminance(rgb);
            best = Math.Max(best, (Math.Max(l, lb) + 0.05) / (Math.Min(l, lb) + 0.05));
        }

        return best;
    }

    private static double Luminance(int rgb)
    {
        static double Channel(int c)
        {
            double s = c / 255.0;
            return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel((rgb >> 16) & 0xFF)) + (0.7152 * Channel((rgb >> 8) & 0xFF)) + (0.0722 * Channel(rgb & 0xFF));
    }
}
