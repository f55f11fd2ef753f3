using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Input;

public class DebouncerTests
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(30);

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Press_is_accepted_only_once_the_line_has_been_stable_for_the_debounce_time()
    {
        var debouncer = new Debouncer(Debounce);

        Assert.Equal(ButtonEdge.None, debouncer.OnEdge(Ms(100), pressed: true).Edge);
        Assert.Equal(Ms(130), debouncer.Deadline);
        Assert.Equal(ButtonEdge.None, debouncer.Poll(Ms(129.9)).Edge);
        Assert.False(debouncer.IsPressed);

        ButtonTransition accepted = debouncer.Poll(Ms(130));

        Assert.Equal(new ButtonTransition(ButtonEdge.Pressed, Ms(100)), accepted);
        Assert.True(debouncer.IsPressed);
        Assert.Null(debouncer.Deadline);
        Assert.Equal(ButtonEdge.None, debouncer.Poll(Ms(500)).Edge);
    }

    [Fact]
    public void Chatter_shorter_than_the_debounce_time_gives_one_press_settled_at_the_last_edge()
    {
        var debouncer = new Debouncer(Debounce);
        var edges = new (double At, bool Pressed)[] { (0, true), (2, false), (5, true), (11, false), (19, true) };

        foreach ((double at, bool pressed) in edges)
        {
            Assert.Equal(ButtonEdge.None, debouncer.OnEdge(Ms(at), pressed).Edge);
        }

        Assert.Equal(new ButtonTransition(ButtonEdge.Pressed, Ms(19)), debouncer.Poll(Ms(49)));
    }

    [Fact]
    public void Glitch_that_returns_to_the_accepted_level_is_dropped()
    {
        var debouncer = new Debouncer(Debounce);

        debouncer.OnEdge(Ms(10), pressed: true);
        debouncer.OnEdge(Ms(25), pressed: false);

        Assert.False(debouncer.IsPending);
        Assert.Null(debouncer.Deadline);
        Assert.Equal(ButtonEdge.None, debouncer.Poll(Ms(1000)).Edge);
        Assert.False(debouncer.IsPressed);
    }

    [Fact]
    public void Next_edge_first_settles_a_change_whose_window_elapsed_without_a_poll()
    {
        var debouncer = new Debouncer(Debounce);
        debouncer.OnEdge(Ms(0), pressed: true);

        ButtonTransition settled = debouncer.OnEdge(Ms(200), pressed: false);

        Assert.Equal(new ButtonTransition(ButtonEdge.Pressed, Ms(0)), settled);
        Assert.True(debouncer.IsPending);
        Assert.Equal(new ButtonTransition(ButtonEdge.Released, Ms(200)), debouncer.Poll(Ms(230)));
    }

    [Fact]
    public void Repeated_edge_to_the_same_level_restarts_the_window()
    {
        var debouncer = new Debouncer(Debounce);
        debouncer.OnEdge(Ms(0), pressed: true);
        debouncer.OnEdge(Ms(20), pressed: true);

        Assert.Equal(ButtonEdge.None, debouncer.Poll(Ms(40)).Edge);
        Assert.Equal(new ButtonTransition(ButtonEdge.Pressed, Ms(20)), debouncer.Poll(Ms(50)));
    }

    [Fact]
    public void Button_down_at_start_reports_its_release_but_no_press()
    {
        var debouncer = new Debouncer(Debounce, initiallyPressed: true);

        debouncer.OnEdge(Ms(5), pressed: false);

        Assert.Equal(new ButtonTransition(ButtonEdge.Released, Ms(5)), debouncer.Poll(Ms(35)));
    }

    [Fact]
    public void Debounce_time_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Debouncer(TimeSpan.Zero));
    }
}
