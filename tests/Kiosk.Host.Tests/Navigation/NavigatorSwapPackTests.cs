using Kiosk.Content.Model;
using Kiosk.Host.Navigation;
using Kiosk.Render.Scenes;
using static Kiosk.Host.Input.NavCommand;
using static Kiosk.Host.Tests.Navigation.TestPacks;
using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Navigation;

/// <summary>Hot reload: the visitor keeps their place while its case id and phase index exist, else goes Home.</summary>
public sealed class NavigatorSwapPackTests
{
    // Standard(): alpha (0, 3 phases, comparison), beta (1, 2 phases), gamma (2, 4 phases, comparison).
    private static PackContent Reordered() => Pack(Case("gamma", 4, true), Case("alpha", 3, true), Case("beta", 2));

    [Theory]
    [InlineData(ScreenKind.Home, 2, 0, ScreenKind.Home, 0, 0)]
    [InlineData(ScreenKind.CaseIntro, 2, 0, ScreenKind.CaseIntro, 0, 0)]
    [InlineData(ScreenKind.Phase, 2, 3, ScreenKind.Phase, 0, 3)]
    [InlineData(ScreenKind.Diagram, 1, 1, ScreenKind.Diagram, 2, 1)]
    [InlineData(ScreenKind.Comparison, 0, 0, ScreenKind.Comparison, 1, 0)]
    [InlineData(ScreenKind.Glossary, 1, 0, ScreenKind.Glossary, 2, 0)]
    [InlineData(ScreenKind.Glossary, -1, 0, ScreenKind.Glossary, -1, 0)]
    public void Keeps_the_place_by_case_id_when_cases_move(ScreenKind kind, int c, int i, ScreenKind toKind, int toCase, int toPhase)
    {
        var h = new NavHarness();
        h.Reach(new Screen(kind, c, i));
        long version = h.Nav.Version;

        h.Nav.SwapPack(Reordered());

        Assert.Equal(new Screen(toKind, toCase, toPhase), h.Screen);
        Assert.Equal(Scene.At(h.Screen), h.Scene);
        Assert.True(h.Nav.Version > version);
        Assert.Equal("gamma", h.Nav.Pack.Cases[0].Id);
    }

    [Fact]
    public void Keeps_the_place_in_an_unchanged_pack_and_still_asks_for_a_frame()
    {
        var h = new NavHarness();
        var at = new Screen(ScreenKind.Diagram, 2, 2);
        h.Reach(at);
        long version = h.Nav.Version;

        h.Nav.SwapPack(Standard()); // same ids, new text maybe

        Assert.Equal(at, h.Screen);
        Assert.True(h.Nav.NeedsFrame(version, h.Now));
    }

    [Fact]
    public void A_phase_that_is_gone_lands_on_home_on_its_case()
    {
        var h = new NavHarness();
        h.Reach(new Screen(ScreenKind.Phase, 2, 3));

        h.Nav.SwapPack(Pack(Case("alpha", 3, true), Case("gamma", 2, true)));

        Assert.Equal(Screen.Home(1), h.Screen);
    }

    [Fact]
    public void A_comparison_that_is_gone_lands_on_home_on_its_case()
    {
        var h = new NavHarness();
        h.Reach(new Screen(ScreenKind.Comparison, 2));

        h.Nav.SwapPack(Pack(Case("alpha", 3, true), Case("beta", 2), Case("gamma", 4, comparison: false)));

        Assert.Equal(Screen.Home(2), h.Screen);
    }

    [Theory]
    [InlineData(ScreenKind.Home, 1, 0)]
    [InlineData(ScreenKind.CaseIntro, 1, 0)]
    [InlineData(ScreenKind.Phase, 1, 1)]
    [InlineData(ScreenKind.Diagram, 1, 0)]
    [InlineData(ScreenKind.Glossary, 1, 0)]
    public void A_case_that_is_gone_lands_on_home_on_the_first_case(ScreenKind kind, int c, int i)
    {
        var h = new NavHarness();
        h.Reach(new Screen(kind, c, i));

        h.Nav.SwapPack(Pack(Case("gamma", 4, true), Case("alpha", 3, true)));

        Assert.Equal(Screen.Home(0), h.Screen);
    }

    [Fact]
    public void The_glossary_still_returns_to_its_opener_in_the_new_pack()
    {
        var h = new NavHarness();
        h.Reach(new Screen(ScreenKind.Phase, 2, 1));
        h.Walk(HomeLong);

        h.Nav.SwapPack(Reordered());

        Assert.Equal(new Screen(ScreenKind.Glossary, 0), h.Screen);
        Assert.Equal(new Screen(ScreenKind.Phase, 0, 1), h.Walk(Back));
    }

    [Fact]
    public void The_glossary_returns_home_when_its_openers_phase_is_gone()
    {
        var h = new NavHarness();
        h.Reach(new Screen(ScreenKind.Phase, 2, 3));
        h.Walk(HomeLong);

        h.Nav.SwapPack(Pack(Case("gamma", 2, true)));

        Assert.Equal(new Screen(ScreenKind.Glossary, 0), h.Screen);
        Assert.Equal(Screen.Home(0), h.Walk(Select));
    }

    [Fact]
    public void A_transition_in_play_is_dropped_for_the_new_place()
    {
        var h = new NavHarness();
        h.Reach(new Screen(ScreenKind.Phase, 2, 0));
        h.Press(Next);
        h.AdvanceMs(100);

        h.Nav.SwapPack(Reordered());

        Assert.Equal(Scene.At(new Screen(ScreenKind.Phase, 0, 1)), h.Scene);
        Assert.False(h.Nav.IsAnimating(h.Now));
        Assert.Equal(new Screen(ScreenKind.Phase, 0, 2), h.Press(Next));
    }

    [Fact]
    public void Attract_keeps_its_case_and_its_schedule()
    {
        var h = new NavHarness();
        h.AdvanceMs(90_000);
        h.AdvanceMs(12_000); // gamma would follow beta at 16 s
        Assert.Equal(new Screen(ScreenKind.Attract, 1), h.Screen);

        h.Nav.SwapPack(Reordered()); // beta is now 2

        Assert.Equal(new Screen(ScreenKind.Attract, 2), h.Screen);
        h.AdvanceMs(3_999);
        Assert.Equal(new Screen(ScreenKind.Attract, 2), h.Screen);
        h.AdvanceMs(1);
        Assert.Equal(new Screen(ScreenKind.Attract, 0), h.Screen);
    }

    [Fact]
    public void A_swap_is_not_a_command_so_the_idle_count_goes_on()
    {
        var h = new NavHarness();
        h.AdvanceMs(60_000);

        h.Nav.SwapPack(Reordered());
        h.AdvanceMs(30_000);

        Assert.Equal(ScreenKind.Attract, h.Screen.Kind);
    }

    [Fact]
    public void Swapping_to_an_empty_pack_and_back()
    {
        var h = new NavHarness();
        h.Reach(new Screen(ScreenKind.Phase, 1, 1));

        h.Nav.SwapPack(Pack());
        Assert.Equal(Screen.Home(-1), h.Screen);
        Assert.Equal(Screen.Home(-1), h.Walk(Next, Select));

        h.Nav.SwapPack(Standard());
        Assert.Equal(Screen.Home(0), h.Screen);
        Assert.Equal(new Screen(ScreenKind.CaseIntro, 1), h.Walk(Next, Select));
    }
}
