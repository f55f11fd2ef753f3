using Kiosk.Host.Navigation;
using Kiosk.Render.Scenes;
using static Kiosk.Host.Input.NavCommand;
using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Navigation;

/// <summary>Transition progress (phase step 400 ms, screen change 300 ms by default) and presses mid-transition.</summary>
public sealed class NavigatorTransitionTests
{
    private const float Tolerance = 1e-4f;

    private static Screen Phase0 => new(ScreenKind.Phase, 2, 0);

    private static Screen Phase1 => new(ScreenKind.Phase, 2, 1);

    private static Screen Phase2 => new(ScreenKind.Phase, 2, 2);

    [Fact]
    public void A_phase_step_runs_linearly_over_400_ms()
    {
        var h = new NavHarness();
        h.Reach(Phase0);

        h.Press(Next);

        AssertScene(h.Scene, Phase0, Phase1, 0f);
        h.AdvanceMs(100);
        AssertScene(h.Scene, Phase0, Phase1, 0.25f);
        h.AdvanceMs(100);
        AssertScene(h.Scene, Phase0, Phase1, 0.5f);
        h.AdvanceMs(199);
        Assert.True(h.Nav.IsAnimating(h.Now));
        h.AdvanceMs(1);
        Assert.Equal(Scene.At(Phase1), h.Scene);
        Assert.True(h.Scene.IsAtRest);
        Assert.False(h.Nav.IsAnimating(h.Now));
    }

    [Fact]
    public void A_diagram_morph_is_a_phase_step()
    {
        var h = new NavHarness();
        h.Reach(new Screen(ScreenKind.Diagram, 2, 1));

        h.Press(Next);
        h.AdvanceMs(200);

        AssertScene(h.Scene, new Screen(ScreenKind.Diagram, 2, 1), new Screen(ScreenKind.Diagram, 2, 2), 0.5f);
        Assert.Equal(TimeSpan.FromMilliseconds(400), h.Nav.Transition.Duration);
    }

    [Theory]
    [InlineData(ScreenKind.Home, 0, 0, Select)] // screen change
    [InlineData(ScreenKind.Home, 0, 0, Next)] // highlight move
    [InlineData(ScreenKind.Phase, 2, 1, Select)] // phase -> diagram of the same phase
    [InlineData(ScreenKind.Phase, 0, 2, Next)] // last phase -> comparison
    [InlineData(ScreenKind.Phase, 2, 0, Previous)] // first phase -> intro
    public void Everything_else_is_a_300_ms_screen_change(ScreenKind kind, int c, int i, NavCommand command)
    {
        var h = new NavHarness();
        var from = new Screen(kind, c, i);
        h.Reach(from);

        var to = h.Press(command);
        h.AdvanceMs(150);

        AssertScene(h.Scene, from, to, 0.5f);
        Assert.Equal(TimeSpan.FromMilliseconds(300), h.Nav.Transition.Duration);
        h.AdvanceMs(150);
        Assert.Equal(Scene.At(to), h.Scene);
    }

    [Fact]
    public void Durations_come_from_the_options()
    {
        var options = new NavigatorOptions
        {
            PhaseStepDuration = TimeSpan.FromSeconds(1),
            ScreenChangeDuration = TimeSpan.FromSeconds(2),
        };
        var h = new NavHarness(options: options);

        h.Press(Select);
        h.AdvanceMs(500);
        Assert.Equal(0.25f, h.Scene.T, Tolerance);

        h.AdvanceMs(1500);
        h.Press(Select); // CaseIntro -> Phase(0, 0)
        h.AdvanceMs(2000);
        Assert.True(h.Scene.IsAtRest);

        h.Press(Next);
        h.AdvanceMs(500);
        Assert.Equal(0.5f, h.Scene.T, Tolerance);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(200)]
    [InlineData(300)]
    public void A_further_step_the_same_way_glides_on_from_the_picture_reached(int elapsedMs)
    {
        var h = new NavHarness();
        h.Reach(Phase0);
        h.Press(Next);
        h.AdvanceMs(elapsedMs);
        float t = elapsedMs / 400f;

        h.Press(Next);

        // One glide Phase0 -> Phase2 whose eased picture equals the one already on screen (a share of one step
        // becomes half that share of two steps), so nothing jumps back.
        float expected = Kiosk.Render.Layout.Easing.InverseInOutCubic(Kiosk.Render.Layout.Easing.InOutCubic(t) / 2);
        AssertScene(h.Scene, Phase0, Phase2, expected);
        Assert.Equal(2 * Kiosk.Render.Layout.Easing.InOutCubic(h.Scene.T), Kiosk.Render.Layout.Easing.InOutCubic(t), Tolerance);
        Assert.Equal(t, h.Nav.Transition.InterruptedT!.Value, Tolerance);
        h.AdvanceMs(400);
        Assert.Equal(Scene.At(Phase2), h.Scene);
    }

    [Fact]
    public void A_press_back_where_it_came_from_reverses_from_the_same_picture()
    {
        var h = new NavHarness();
        h.Reach(Phase0);
        h.Press(Next);
        h.AdvanceMs(100); // Phase0 -> Phase1 at 0.25: the picture is 25% of the way to Phase1

        h.Press(Previous);

        // Phase1 -> Phase0 at 0.75 is the same picture, and it has 100 ms left at the same speed.
        AssertScene(h.Scene, Phase1, Phase0, 0.75f);
        Assert.Equal(0.75f, h.Nav.Transition.StartT, Tolerance);
        Assert.Equal(0.25f, h.Nav.Transition.InterruptedT!.Value, Tolerance);
        h.AdvanceMs(50);
        AssertScene(h.Scene, Phase1, Phase0, 0.875f);
        h.AdvanceMs(50);
        Assert.Equal(Scene.At(Phase0), h.Scene);
    }

    [Fact]
    public void A_screen_change_interrupted_by_a_phase_step_takes_the_phase_step_duration()
    {
        var h = new NavHarness();
        h.Reach(new Screen(ScreenKind.CaseIntro, 2));
        h.Press(Next); // intro -> Phase0, 300 ms
        h.AdvanceMs(200); // T = 0.67: Phase0 dominates

        h.Press(Next);

        AssertScene(h.Scene, Phase0, Phase1, 0f);
        Assert.Equal(TimeSpan.FromMilliseconds(400), h.Nav.Transition.Duration);
    }

    [Fact]
    public void A_press_that_changes_nothing_leaves_the_transition_alone()
    {
        var h = new NavHarness();
        h.Reach(new Screen(ScreenKind.Phase, 1, 0));
        h.Press(Next); // -> Phase(1,1), the last phase of a case without comparison
        h.AdvanceMs(100);
        var before = h.Nav.Transition;

        Assert.False(h.Nav.Apply(Next, h.Now));

        Assert.Equal(before, h.Nav.Transition);
        Assert.Equal(0.25f, h.Scene.T, Tolerance);
    }

    [Fact]
    public void Rapid_presses_always_show_a_valid_scene_and_settle_on_the_last_target()
    {
        var h = new NavHarness();
        h.Reach(Phase0);
        for (int k = 0; k < 10; k++)
        {
            h.Press(k % 3 == 2 ? Previous : Next);
            h.AdvanceMs(37);
            var s = h.Scene;
            Assert.InRange(s.T, 0f, 1f);
            Assert.Equal(h.Screen, s.To);
        }

        h.AdvanceMs(1000);
        Assert.Equal(Scene.At(h.Screen), h.Scene);
    }

    [Fact]
    public void A_clock_stepping_backwards_does_not_freeze_a_transition()
    {
        var h = new NavHarness();
        h.Reach(Phase0);
        h.Press(Next);
        h.AdvanceMs(100);

        h.StepWallClock(-TimeSpan.FromDays(400)); // e.g. an RTC-less board's clock corrected
        h.Nav.Tick(h.Now);

        Assert.Equal(0.25f, h.Scene.T, Tolerance);
        h.AdvanceMs(100);
        Assert.Equal(0.5f, h.Scene.T, Tolerance);
        h.AdvanceMs(200);
        Assert.Equal(Scene.At(Phase1), h.Scene);
    }

    [Fact]
    public void A_query_earlier_than_the_transition_start_shows_its_start()
    {
        var h = new NavHarness();
        h.Press(Select);

        var scene = h.Nav.Current(h.Now - TimeSpan.FromMilliseconds(50));

        Assert.Equal(0f, scene.T);
    }

    private static void AssertScene(Scene actual, Screen from, Screen to, float t)
    {
        Assert.Equal(from, actual.From);
        Assert.Equal(to, actual.To);
        Assert.Equal(t, actual.T, Tolerance);
    }
}
