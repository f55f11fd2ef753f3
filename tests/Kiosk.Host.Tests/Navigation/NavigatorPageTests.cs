using Kiosk.Host.Navigation;
using Kiosk.Render;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using Kiosk.Content.Packing;
using Kiosk.Tests.Shared;
using static Kiosk.Host.Input.NavCommand;

namespace Kiosk.Host.Tests.Navigation;

/// <summary>
/// Screens with more than one page (a phase's quotes that did not fit it, on small panels a phase's or
/// comparison's numbers, a comparison side in large text on a small panel): Next and Previous step through the
/// pages with the normal buttons before they move on.
/// </summary>
public sealed class NavigatorPageTests
{
    [Fact]
    public void Next_and_Previous_step_through_a_phase_s_pages()
    {
        var h = new NavHarness();
        // Standard pack: gamma (2) has 4 phases; its phase 1 has a second page here.
        h.Nav.Pages = (s, _) => s.Kind == ScreenKind.Phase && s.CaseIndex == 2 && s.PhaseIndex == 1 ? 2 : 1;
        h.Reach(new Screen(ScreenKind.Phase, 2, 0));

        Assert.Equal(new Screen(ScreenKind.Phase, 2, 1), h.Walk(Next));
        Assert.Equal(new Screen(ScreenKind.Phase, 2, 1, 1), h.Walk(Next));
        Assert.Equal(new Screen(ScreenKind.Phase, 2, 2), h.Walk(Next));
        Assert.Equal(new Screen(ScreenKind.Phase, 2, 1), h.Walk(Previous));
        Assert.Equal(new Screen(ScreenKind.Phase, 2, 1, 1), h.Walk(Next));
        Assert.Equal(new Screen(ScreenKind.Phase, 2, 1), h.Walk(Previous));
        Assert.Equal(new Screen(ScreenKind.Phase, 2, 1, 1), h.Walk(Next));
        Assert.Equal(new Screen(ScreenKind.Diagram, 2, 1), h.Walk(Select));
        Assert.Equal(new Screen(ScreenKind.Phase, 2, 1), h.Walk(Back));
        h.Walk(Next);
        Assert.Equal(new Screen(ScreenKind.CaseIntro, 2), h.Walk(Back));
    }

    [Fact]
    public void A_comparison_s_second_page_follows_its_first()
    {
        var h = new NavHarness();
        h.Nav.Pages = (s, large) => s.Kind == ScreenKind.Comparison && large ? 2 : 1;
        h.Reach(new Screen(ScreenKind.Comparison, 0));
        Assert.Equal(new Screen(ScreenKind.Comparison, 0), h.Walk(Next)); // normal theme: one page

        h.Walk(SelectLong);
        Assert.Equal(new Screen(ScreenKind.Comparison, 0, 0, 1), h.Walk(Next));
        Assert.Equal(new Screen(ScreenKind.Comparison, 0, 0, 1), h.Walk(Next));
        Assert.Equal(new Screen(ScreenKind.Comparison, 0), h.Walk(Previous));
        h.Walk(Next);
        h.Walk(SelectLong); // back to the normal theme, which has no second page: the first page stands in
        Assert.Equal(new Screen(ScreenKind.Comparison, 0), h.Screen);
        Assert.Equal(new Screen(ScreenKind.Phase, 0, 2), h.Walk(Previous));
    }

    [Fact]
    public void On_a_320x240_panel_Next_reaches_every_later_page_of_the_built_in_pack()
    {
        var pack = PackReader.Read(SeedPack.Path);
        using var renderer = new SceneRenderer(pack.Content, pack.Fonts, DisplayProfile.Spi320);
        var h = new NavHarness(pack.Content);
        h.Nav.Pages = renderer.PageCount;
        int expected = 0;
        var seen = new HashSet<Screen>();
        for (int c = 0; c < pack.Content.Cases.Count; c++)
        {
            for (int p = 0; p < pack.Content.Cases[c].Phases.Count; p++)
            {
                expected += renderer.PageCount(new Screen(ScreenKind.Phase, c, p), false) - 1;
            }

            h.Walk(Case1 + c); // the case's intro (number keys), then Next through every screen it has
            for (int step = 0; step < 60; step++)
            {
                var s = h.Walk(Next);
                // Quote pages and (on small panels) the phases' "In numbers" pages.
                if (s.Kind == ScreenKind.Phase && s.Page >= 1 && seen.Add(s))
                {
                    var frame = renderer.Render(Scene.At(s));
                    Assert.True(frame.Width == 320);
                }
            }
        }

        Assert.True(expected > 0, "no phase of the built-in pack needs a quote page at 320x240");
        Assert.True(expected == seen.Count, $"{seen.Count} of {expected} later pages reached");
    }
}
