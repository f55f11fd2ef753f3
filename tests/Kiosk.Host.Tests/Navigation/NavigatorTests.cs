using Kiosk.Host.Navigation;
using Kiosk.Render.Scenes;
using static Kiosk.Host.Input.NavCommand;
using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Navigation;

/// <summary>
/// Every row of the table in <c>firmware-host/Kiosk.Host/Navigation/README.md</c>, on <see cref="TestPacks.Standard"/>:
/// alpha (0): 3 phases and a comparison; beta (1): 2 phases, no comparison; gamma (2): 4 phases and a comparison.
/// </summary>
public sealed class NavigatorTests
{
    [Theory]
    // Home(selection)
    [InlineData(ScreenKind.Home, 0, 0, Next, ScreenKind.Home, 1, 0)]
    [InlineData(ScreenKind.Home, 1, 0, Previous, ScreenKind.Home, 0, 0)]
    [InlineData(ScreenKind.Home, 2, 0, Next, ScreenKind.Home, 0, 0)] // wraps forwards
    [InlineData(ScreenKind.Home, 0, 0, Previous, ScreenKind.Home, 2, 0)] // wraps backwards
    [InlineData(ScreenKind.Home, 1, 0, Select, ScreenKind.CaseIntro, 1, 0)]
    [InlineData(ScreenKind.Home, 1, 0, Back, ScreenKind.Home, 1, 0)]
    [InlineData(ScreenKind.Home, 1, 0, NavCommand.Home, ScreenKind.Home, 1, 0)]
    [InlineData(ScreenKind.Home, 1, 0, HomeLong, ScreenKind.Glossary, -1, 0)]
    // CaseIntro(c)
    [InlineData(ScreenKind.CaseIntro, 2, 0, Next, ScreenKind.Phase, 2, 0)]
    [InlineData(ScreenKind.CaseIntro, 2, 0, Select, ScreenKind.Phase, 2, 0)]
    [InlineData(ScreenKind.CaseIntro, 2, 0, Previous, ScreenKind.Home, 2, 0)]
    [InlineData(ScreenKind.CaseIntro, 2, 0, Back, ScreenKind.Home, 2, 0)]
    [InlineData(ScreenKind.CaseIntro, 2, 0, NavCommand.Home, ScreenKind.Home, 2, 0)]
    [InlineData(ScreenKind.CaseIntro, 2, 0, HomeLong, ScreenKind.Glossary, 2, 0)]
    // Phase(c, i)
    [InlineData(ScreenKind.Phase, 2, 1, Next, ScreenKind.Phase, 2, 2)]
    [InlineData(ScreenKind.Phase, 0, 2, Next, ScreenKind.Comparison, 0, 0)] // last phase, has a comparison
    [InlineData(ScreenKind.Phase, 1, 1, Next, ScreenKind.Phase, 1, 1)] // last phase, no comparison: stays
    [InlineData(ScreenKind.Phase, 2, 2, Previous, ScreenKind.Phase, 2, 1)]
    [InlineData(ScreenKind.Phase, 2, 0, Previous, ScreenKind.CaseIntro, 2, 0)]
    [InlineData(ScreenKind.Phase, 2, 1, Select, ScreenKind.Diagram, 2, 1)]
    [InlineData(ScreenKind.Phase, 2, 1, Back, ScreenKind.CaseIntro, 2, 0)]
    [InlineData(ScreenKind.Phase, 2, 1, NavCommand.Home, ScreenKind.Home, 2, 0)]
    [InlineData(ScreenKind.Phase, 2, 1, HomeLong, ScreenKind.Glossary, 2, 0)]
    // Diagram(c, i)
    [InlineData(ScreenKind.Diagram, 2, 1, Next, ScreenKind.Diagram, 2, 2)]
    [InlineData(ScreenKind.Diagram, 2, 1, Previous, ScreenKind.Diagram, 2, 0)]
    [InlineData(ScreenKind.Diagram, 2, 3, Next, ScreenKind.Diagram, 2, 3)] // last phase: stays
    [InlineData(ScreenKind.Diagram, 0, 2, Next, ScreenKind.Diagram, 0, 2)] // ... even with a comparison
    [InlineData(ScreenKind.Diagram, 2, 0, Previous, ScreenKind.Diagram, 2, 0)] // first phase: stays
    [InlineData(ScreenKind.Diagram, 2, 1, Select, ScreenKind.Phase, 2, 1)]
    [InlineData(ScreenKind.Diagram, 2, 1, Back, ScreenKind.Phase, 2, 1)]
    [InlineData(ScreenKind.Diagram, 2, 1, NavCommand.Home, ScreenKind.Home, 2, 0)]
    [InlineData(ScreenKind.Diagram, 2, 1, HomeLong, ScreenKind.Glossary, 2, 0)]
    // Comparison(c)
    [InlineData(ScreenKind.Comparison, 0, 0, Previous, ScreenKind.Phase, 0, 2)]
    [InlineData(ScreenKind.Comparison, 0, 0, Back, ScreenKind.Phase, 0, 2)]
    [InlineData(ScreenKind.Comparison, 2, 0, Back, ScreenKind.Phase, 2, 3)]
    [InlineData(ScreenKind.Comparison, 0, 0, Next, ScreenKind.Comparison, 0, 0)]
    [InlineData(ScreenKind.Comparison, 0, 0, Select, ScreenKind.Comparison, 0, 0)]
    [InlineData(ScreenKind.Comparison, 0, 0, NavCommand.Home, ScreenKind.Home, 0, 0)]
    [InlineData(ScreenKind.Comparison, 0, 0, HomeLong, ScreenKind.Glossary, 0, 0)]
    // Glossary(c): moving within it does nothing (leaving it: Glossary_returns_to_the_screen_it_was_opened_from)
    [InlineData(ScreenKind.Glossary, 1, 0, Next, ScreenKind.Glossary, 1, 0)]
    [InlineData(ScreenKind.Glossary, 1, 0, Previous, ScreenKind.Glossary, 1, 0)]
    [InlineData(ScreenKind.Glossary, 1, 0, HomeLong, ScreenKind.Glossary, 1, 0)]
    [InlineData(ScreenKind.Glossary, -1, 0, Next, ScreenKind.Glossary, -1, 0)]
    [InlineData(ScreenKind.Glossary, -1, 0, HomeLong, ScreenKind.Glossary, -1, 0)]
    public void Table_row(ScreenKind fromKind, int fromCase, int fromPhase, NavCommand command, ScreenKind toKind, int toCase, int toPhase)
    {
        var h = new NavHarness();
        var from = new Screen(fromKind, fromCase, fromPhase);
        var to = new Screen(toKind, toCase, toPhase);
        h.Reach(from);
        long version = h.Nav.Version;

        bool changed = h.Nav.Apply(command, h.Now);

        Assert.Equal(to, h.Screen);
        Assert.Equal(from != to, changed);
        Assert.Equal(from != to, h.Nav.Version != version);
    }

    public static TheoryData<Screen> GlossaryOpeners =>
    [
        Screen.Home(1),
        new Screen(ScreenKind.CaseIntro, 2),
        new Screen(ScreenKind.Phase, 2, 1),
        new Screen(ScreenKind.Diagram, 2, 3),
        new Screen(ScreenKind.Comparison, 0),
    ];

    [Theory]
    [MemberData(nameof(GlossaryOpeners))]
    public void Glossary_returns_to_the_screen_it_was_opened_from(Screen opener)
    {
        foreach (var leave in new[] { Back, NavCommand.Home, Select })
        {
            var h = new NavHarness();
            h.Reach(opener);
            var glossary = h.Walk(HomeLong);
            Assert.Equal(ScreenKind.Glossary, glossary.Kind);
            Assert.Equal(opener.Kind == ScreenKind.Home ? -1 : opener.CaseIndex, glossary.CaseIndex);

            Assert.Equal(opener, h.Walk(leave));
        }
    }

    [Fact]
    public void Glossary_reached_through_moves_is_left_to_its_own_opener()
    {
        var h = new NavHarness();
        h.Reach(new Screen(ScreenKind.Diagram, 0, 1));
        h.Walk(HomeLong, Next, Previous, HomeLong);

        Assert.Equal(new Screen(ScreenKind.Diagram, 0, 1), h.Walk(Back));
    }

    [Fact]
    public void Starts_on_home_with_the_first_case_highlighted_and_at_rest()
    {
        var h = new NavHarness();

        Assert.Equal(Screen.Home(0), h.Screen);
        Assert.Equal(Scene.At(Screen.Home(0)), h.Scene);
        Assert.False(h.Nav.IsAnimating(h.Now));
    }

    [Fact]
    public void Next_wraps_all_the_way_round_the_cases()
    {
        var h = new NavHarness();
        var seen = new List<int>();
        for (int i = 0; i < 7; i++)
        {
            seen.Add(h.Press(Next).CaseIndex);
        }

        Assert.Equal([1, 2, 0, 1, 2, 0, 1], seen);
        for (int i = 0; i < 7; i++)
        {
            h.Press(Previous);
        }

        Assert.Equal(Screen.Home(0), h.Screen);
    }

    [Fact]
    public void A_visit_through_a_whole_case_and_home_again()
    {
        var h = new NavHarness();

        Assert.Equal(new Screen(ScreenKind.CaseIntro, 0), h.Walk(Select));
        Assert.Equal(new Screen(ScreenKind.Phase, 0, 0), h.Walk(Next));
        Assert.Equal(new Screen(ScreenKind.Diagram, 0, 0), h.Walk(Select));
        Assert.Equal(new Screen(ScreenKind.Diagram, 0, 2), h.Walk(Next, Next, Next));
        Assert.Equal(new Screen(ScreenKind.Phase, 0, 2), h.Walk(Back));
        Assert.Equal(new Screen(ScreenKind.Comparison, 0), h.Walk(Next));
        Assert.Equal(Screen.Home(0), h.Walk(NavCommand.Home));
        Assert.Equal(Screen.Home(1), h.Walk(Next));
    }

    [Fact]
    public void An_empty_pack_stays_on_home_and_still_opens_the_about_screen()
    {
        var h = new NavHarness(TestPacks.Pack());

        Assert.Equal(Screen.Home(-1), h.Screen);
        foreach (var c in new[] { Next, Previous, Select, Back, NavCommand.Home })
        {
            Assert.False(h.Nav.Apply(c, h.Now));
            Assert.Equal(Screen.Home(-1), h.Screen);
        }

        Assert.Equal(new Screen(ScreenKind.Glossary, -1), h.Walk(HomeLong));
        Assert.Equal(Screen.Home(-1), h.Walk(Back));
    }

    [Fact]
    public void A_case_without_phases_cannot_be_entered_past_its_intro()
    {
        var h = new NavHarness(TestPacks.Pack(TestPacks.Case("bare", phases: 0)));

        Assert.Equal(new Screen(ScreenKind.CaseIntro, 0), h.Walk(Select, Next, Select));
        Assert.Equal(Screen.Home(0), h.Walk(Back));
    }

    [Fact]
    public void Version_moves_on_change_and_not_on_a_no_op()
    {
        var h = new NavHarness();
        long v0 = h.Nav.Version;

        h.Press(Back);
        Assert.Equal(v0, h.Nav.Version);

        h.Press(Next);
        long v1 = h.Nav.Version;
        Assert.True(v1 > v0);
        Assert.True(h.Nav.NeedsFrame(v0, h.Now));
        Assert.True(h.Nav.NeedsFrame(v1, h.Now)); // animating

        Assert.True(h.AdvanceMs(300)); // the tick that sees the transition end moves the version on
        long v2 = h.Nav.Version;
        Assert.True(v2 > v1);
        Assert.True(h.Nav.NeedsFrame(v1, h.Now)); // so the resting frame is drawn
        Assert.False(h.Nav.NeedsFrame(v2, h.Now));

        Assert.False(h.AdvanceMs(1000));
        Assert.Equal(v2, h.Nav.Version);
    }
}
