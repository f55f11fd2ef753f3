using Kiosk.Host.Input;
using Kiosk.Host.Navigation;
using Kiosk.Render.Scenes;
using static Kiosk.Host.Input.NavCommand;

namespace Kiosk.Host.Tests.Navigation;

/// <summary>The presenter's commands: blank and unblank, F5 to the case's first phase, number keys to a case.</summary>
public sealed class NavigatorPresenterTests
{
    private static Screen Phase(int c, int i) => new(ScreenKind.Phase, c, i);

    private static Screen Intro(int c) => new(ScreenKind.CaseIntro, c);

    [Fact]
    public void Blank_keeps_the_place_and_blank_again_shows_it()
    {
        var h = new NavHarness();
        h.Reach(Phase(0, 1));
        long before = h.Nav.Version;

        Assert.True(h.Nav.Apply(Blank, h.Now));
        Assert.True(h.Nav.IsBlanked);
        Assert.True(h.Nav.Version > before);
        Assert.Equal(Phase(0, 1), h.Screen);

        Assert.True(h.Nav.Apply(Blank, h.Now));
        Assert.False(h.Nav.IsBlanked);
        Assert.Equal(Phase(0, 1), h.Screen);
        Assert.Equal(Scene.At(Phase(0, 1)), h.Scene);
    }

    [Theory]
    [InlineData(Next)]
    [InlineData(Previous)]
    [InlineData(Select)]
    [InlineData(Back)]
    [InlineData(Home)]
    [InlineData(FirstPhase)]
    [InlineData(Case2)]
    public void While_blanked_any_command_only_unblanks(NavCommand command)
    {
        var h = new NavHarness();
        h.Reach(Phase(2, 3));
        h.Press(Blank);

        h.Press(command);

        Assert.False(h.Nav.IsBlanked);
        Assert.Equal(Phase(2, 3), h.Screen);
    }

    [Theory]
    [InlineData(ScreenKind.CaseIntro, 2, 0)]
    [InlineData(ScreenKind.Phase, 2, 3)]
    [InlineData(ScreenKind.Diagram, 2, 2)]
    [InlineData(ScreenKind.Comparison, 2, 0)]
    [InlineData(ScreenKind.Glossary, 2, 0)]
    public void First_phase_goes_to_the_first_phase_of_the_case_on_show(ScreenKind kind, int c, int i)
    {
        var h = new NavHarness();
        h.Reach(kind is ScreenKind.Phase or ScreenKind.Diagram ? new Screen(kind, c, i) : new Screen(kind, c));

        Assert.Equal(Phase(c, 0), h.Press(FirstPhase));
    }

    [Fact]
    public void First_phase_on_home_opens_the_highlighted_case_at_its_first_phase()
    {
        var h = new NavHarness();
        h.Reach(Screen.Home(1));

        Assert.Equal(Phase(1, 0), h.Press(FirstPhase));
    }

    [Fact]
    public void First_phase_from_the_about_screen_uses_the_case_highlighted_when_it_was_opened()
    {
        var h = new NavHarness();
        h.Reach(Screen.Home(2));
        h.Walk(HomeLong);
        Assert.Equal(new Screen(ScreenKind.Glossary, -1), h.Screen);

        Assert.Equal(Phase(2, 0), h.Press(FirstPhase));
    }

    [Theory]
    [InlineData(Case1, 0)]
    [InlineData(Case2, 1)]
    [InlineData(Case3, 2)]
    public void Number_keys_open_a_case_from_anywhere(NavCommand command, int c)
    {
        var h = new NavHarness();
        h.Reach(Phase(1, 1));

        Assert.Equal(Intro(c), h.Press(command));
    }

    [Theory]
    [InlineData(Case4)]
    [InlineData(Case5)]
    public void A_number_past_the_last_case_changes_nothing(NavCommand command)
    {
        var h = new NavHarness(); // three cases
        h.Reach(Phase(1, 1));
        long version = h.Nav.Version;

        Assert.False(h.Nav.Apply(command, h.Now));
        Assert.Equal(Phase(1, 1), h.Screen);
        Assert.Equal(version, h.Nav.Version);
    }

    [Fact]
    public void A_press_in_the_attract_loop_only_wakes_even_a_presenter_key()
    {
        var h = new NavHarness();
        h.Reach(Phase(1, 0));
        h.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(ScreenKind.Attract, h.Screen.Kind);

        h.Nav.Apply(Case3, h.Now, presenter: true);

        Assert.Equal(Screen.Home(1), h.Screen);
        Assert.True(h.Nav.InLecture);
    }
}
