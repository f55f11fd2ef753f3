using Kiosk.Host.Navigation;
using Kiosk.Render.Scenes;
using static Kiosk.Host.Input.NavCommand;
using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Navigation;

/// <summary>Idle -> attract -> cycle -> wake, driven by the fake clock (defaults: idle 90 s, attract interval 8 s).</summary>
public sealed class NavigatorIdleTests
{
    private static Screen Attract(int c) => new(ScreenKind.Attract, c);

    [Fact]
    public void Idle_for_the_timeout_falls_into_attract_on_the_current_case()
    {
        var h = new NavHarness();
        h.Reach(new Screen(ScreenKind.Phase, 2, 0));
        h.Press(Next); // the last command, now

        h.AdvanceMs(89_999);
        Assert.Equal(new Screen(ScreenKind.Phase, 2, 1), h.Screen);

        Assert.True(h.AdvanceMs(1));
        Assert.Equal(Attract(2), h.Screen);
        Assert.Equal(new Scene(new Screen(ScreenKind.Phase, 2, 1), Attract(2), 0f), h.Scene);
    }

    [Fact]
    public void Attract_cycles_through_the_cases_every_interval_and_wraps()
    {
        var h = new NavHarness();
        h.Reach(Screen.Home(1));
        h.AdvanceMs(89_000); // Reach's last command was a second ago
        Assert.Equal(Attract(1), h.Screen);

        var shown = new List<int>();
        for (int k = 0; k < 5; k++)
        {
            var before = h.Screen;
            h.AdvanceMs(7_999);
            Assert.Equal(before, h.Screen);
            Assert.True(h.AdvanceMs(1));
            shown.Add(h.Screen.CaseIndex);
        }

        Assert.Equal([2, 0, 1, 2, 0], shown);
        Assert.Equal(ScreenKind.Attract, h.Nav.Current(h.Now).To.Kind);
    }

    [Fact]
    public void Any_command_in_attract_only_wakes_to_home_on_the_case_shown()
    {
        foreach (var command in Enum.GetValues<NavCommand>())
        {
            var h = new NavHarness();
            h.AdvanceMs(90_000);
            h.AdvanceMs(8_000);
            Assert.Equal(Attract(1), h.Screen);

            Assert.True(h.Nav.Apply(command, h.Now));

            Assert.Equal(Screen.Home(1), h.Screen);
        }
    }

    [Fact]
    public void Wake_then_use_then_idle_again()
    {
        var h = new NavHarness();
        h.AdvanceMs(90_000);
        h.AdvanceMs(16_000);
        Assert.Equal(Attract(2), h.Screen);

        Assert.Equal(Screen.Home(2), h.Walk(Select));
        Assert.Equal(new Screen(ScreenKind.CaseIntro, 2), h.Walk(Select));

        h.AdvanceMs(88_999); // 89.999 s since the last command
        Assert.Equal(new Screen(ScreenKind.CaseIntro, 2), h.Screen);
        h.AdvanceMs(1);
        Assert.Equal(Attract(2), h.Screen);
    }

    [Fact]
    public void Every_command_restarts_the_idle_count_even_one_that_changes_nothing()
    {
        var h = new NavHarness();
        h.AdvanceMs(80_000);
        Assert.False(h.Nav.Apply(Back, h.Now)); // no-op on Home
        h.AdvanceMs(89_999);
        Assert.Equal(Screen.Home(0), h.Screen);
        h.AdvanceMs(1);
        Assert.Equal(Attract(0), h.Screen);
    }

    [Fact]
    public void A_late_tick_lands_on_the_case_a_steady_loop_would_show_and_keeps_the_schedule()
    {
        var h = new NavHarness();
        h.AdvanceMs(90_000);
        Assert.Equal(Attract(0), h.Screen);

        h.AdvanceMs((4 * 8_000) + 500); // four intervals in one frame
        Assert.Equal(Attract(1), h.Screen); // (0 + 4) % 3
        h.AdvanceMs(7_499);
        Assert.Equal(Attract(1), h.Screen);
        h.AdvanceMs(1); // 5 intervals after attract began
        Assert.Equal(Attract(2), h.Screen);
    }

    [Fact]
    public void Idle_from_the_about_screen_shows_the_case_highlighted_on_home()
    {
        var h = new NavHarness();
        h.Reach(new Screen(ScreenKind.Glossary, -1));
        h.Walk(Back, Next, Next, HomeLong); // about screen opened from Home(2)

        h.AdvanceMs(89_000);

        Assert.Equal(Attract(2), h.Screen);
    }

    [Fact]
    public void A_one_case_pack_stays_on_its_case_in_attract()
    {
        var h = new NavHarness(TestPacks.Pack(TestPacks.Case("only", phases: 5)));
        h.AdvanceMs(90_000);
        h.AdvanceMs(1_000);
        long version = h.Nav.Version;

        Assert.False(h.AdvanceMs(8_000));
        Assert.False(h.AdvanceMs(8_000));

        Assert.Equal(Attract(0), h.Screen);
        Assert.Equal(version, h.Nav.Version);
    }

    [Fact]
    public void An_empty_pack_idles_to_attract_on_no_case_and_wakes_home()
    {
        var h = new NavHarness(TestPacks.Pack());
        h.AdvanceMs(90_000);
        Assert.Equal(Attract(-1), h.Screen);
        h.AdvanceMs(8_000);
        Assert.Equal(Attract(-1), h.Screen);

        Assert.Equal(Screen.Home(-1), h.Press(Next));
    }

    [Fact]
    public void Idle_is_only_checked_on_tick_so_a_press_acts_on_what_the_visitor_sees()
    {
        var h = new NavHarness();
        h.Walk(Select); // CaseIntro(0), one second ago

        h.Time.Advance(TimeSpan.FromMinutes(5)); // no frame ticked meanwhile
        h.Press(Select);

        Assert.Equal(new Screen(ScreenKind.Phase, 0, 0), h.Screen);
    }

    [Fact]
    public void Idle_timing_comes_from_the_options()
    {
        var options = new NavigatorOptions { IdleTimeout = TimeSpan.FromSeconds(10), AttractInterval = TimeSpan.FromSeconds(2) };
        var h = new NavHarness(options: options);

        h.AdvanceMs(10_000);
        Assert.Equal(Attract(0), h.Screen);
        h.AdvanceMs(2_000);
        Assert.Equal(Attract(1), h.Screen);
    }

    [Fact]
    public void A_clock_stepping_backwards_does_not_postpone_idle()
    {
        var h = new NavHarness();
        h.AdvanceMs(60_000);

        h.StepWallClock(-TimeSpan.FromDays(30));
        h.Nav.Tick(h.Now); // the next frame sees the step
        h.AdvanceMs(29_999);
        Assert.Equal(Screen.Home(0), h.Screen);
        h.AdvanceMs(1);

        Assert.Equal(Attract(0), h.Screen);
    }
}
