using Kiosk.Render.Painters;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using Kiosk.Render.Tests.Support;

namespace Kiosk.Render.Tests;

/// <summary>
/// Every verified quote of the built-in pack reaches the glass at every profile: on its phase's screen where it
/// fits whole, else on that phase's second page (small panels); never cut.
/// </summary>
public sealed class QuotePageTests
{
    [Theory]
    [MemberData(nameof(TestPacks.Profiles), MemberType = typeof(TestPacks))]
    public void Every_quote_is_drawn_on_its_phase_or_its_second_page(string profileName)
    {
        var pack = TestPacks.Builtin;
        using var renderer = TestPacks.Renderer(pack, DisplayProfile.Parse(profileName));
        var runs = new List<DrawnText>();
        var missing = new List<string>();
        int quotes = 0, secondPages = 0;
        for (int c = 0; c < pack.Content.Cases.Count; c++)
        {
            var cs = pack.Content.Cases[c];
            for (int p = 0; p < cs.Phases.Count; p++)
            {
                int want = cs.Quotes.Count(q => q.Phase == cs.Phases[p].Id);
                int pages = renderer.PageCount(new Screen(ScreenKind.Phase, c, p), largeText: false);
                secondPages += pages - 1;
                int drawn = 0;
                for (int page = 0; page < pages; page++)
                {
                    runs.Clear();
                    renderer.TextRuns = runs;
                    renderer.Render(Scene.At(new Screen(ScreenKind.Phase, c, p, page)));
                    drawn += runs.Count(r => r.What.Contains(" quote ", StringComparison.Ordinal) && r.What.EndsWith(" text", StringComparison.Ordinal));
                }

                quotes += want;
                if (drawn != want)
                {
                    missing.Add($"{cs.Id}/{cs.Phases[p].Id}: {drawn} of {want} quotes drawn over {pages} page(s)");
                }
            }
        }

        Assert.True(quotes >= 25, $"only {quotes} quotes with a phase");
        Assert.True(missing.Count == 0, $"at {profileName} ({secondPages} second pages):\n{string.Join("\n", missing)}");
        Assert.Empty(renderer.Overflows);
        if (profileName == "320x240")
        {
            Assert.True(secondPages > 0, "no quote needed a page of its own at 320x240: the test no longer covers second pages");
        }
    }

    [Fact]
    public void A_second_page_has_its_own_address()
    {
        var pack = TestPacks.Builtin.Content;
        var screen = ScreenAddress.Parse("kunshan/p3-land-leasing/page2", pack);
        Assert.Equal(1, screen.Page);
        Assert.Equal(ScreenKind.Phase, screen.Kind);
        Assert.Equal("kunshan/p3-land-leasing/page2", ScreenAddress.Format(screen, pack));
        Assert.Equal(1, ScreenAddress.Parse("kunshan/comparison/page2", pack).Page);
    }
}
