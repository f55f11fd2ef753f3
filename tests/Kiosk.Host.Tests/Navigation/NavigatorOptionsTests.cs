using Kiosk.Host.Navigation;
using Kiosk.Render.Scenes;

namespace Kiosk.Host.Tests.Navigation;

public sealed class NavigatorOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones_and_valid()
    {
        var o = new NavigatorOptions();

        Assert.Equal(TimeSpan.FromSeconds(90), o.IdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(8), o.AttractInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(400), o.PhaseStepDuration);
        Assert.Equal(TimeSpan.FromMilliseconds(300), o.ScreenChangeDuration);
        Assert.Empty(o.Validate());
        o.ThrowIfInvalid();
    }

    [Theory]
    [InlineData(8_000, 8_000, 400, 300, "IdleTimeout")] // idle must be longer than the interval
    [InlineData(5_000, 8_000, 400, 300, "IdleTimeout")]
    [InlineData(90_000, 0, 400, 300, "AttractInterval")]
    [InlineData(90_000, -1, 400, 300, "AttractInterval")]
    [InlineData(-10, -5, 400, 300, "AttractInterval")]
    [InlineData(90_000, 8_000, 0, 300, "PhaseStepDuration")]
    [InlineData(90_000, 8_000, -400, 300, "PhaseStepDuration")]
    [InlineData(90_000, 8_000, 400, 0, "ScreenChangeDuration")]
    [InlineData(90_000, 8_000, 400, -1, "ScreenChangeDuration")]
    public void Invalid_options_are_refused_naming_the_option(int idleMs, int attractMs, int phaseMs, int screenMs, string named)
    {
        var o = new NavigatorOptions
        {
            IdleTimeout = TimeSpan.FromMilliseconds(idleMs),
            AttractInterval = TimeSpan.FromMilliseconds(attractMs),
            PhaseStepDuration = TimeSpan.FromMilliseconds(phaseMs),
            ScreenChangeDuration = TimeSpan.FromMilliseconds(screenMs),
        };

        Assert.Contains(o.Validate(), e => e.Contains(named, StringComparison.Ordinal));
        var ex = Assert.Throws<ArgumentException>(o.ThrowIfInvalid);
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Navigator(TestPacks.Standard(), o, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var o = new NavigatorOptions
        {
            IdleTimeout = TimeSpan.Zero,
            AttractInterval = TimeSpan.Zero,
            PhaseStepDuration = TimeSpan.Zero,
            ScreenChangeDuration = TimeSpan.Zero,
        };

        Assert.Equal(4, o.Validate().Count);
    }

    [Fact]
    public void The_navigator_copies_the_options_when_built()
    {
        var o = new NavigatorOptions();
        var t0 = DateTimeOffset.UnixEpoch;
        var nav = new Navigator(TestPacks.Standard(), o, t0);

        o.IdleTimeout = TimeSpan.FromSeconds(10);
        o.AttractInterval = TimeSpan.FromSeconds(1);
        nav.Tick(t0 + TimeSpan.FromSeconds(60));

        Assert.Equal(Screen.Home(0), nav.Screen);
    }

    [Fact]
    public void The_navigator_needs_a_pack_and_options()
    {
        Assert.Throws<ArgumentNullException>(() => new Navigator(null!, new NavigatorOptions(), DateTimeOffset.UnixEpoch));
        Assert.Throws<ArgumentNullException>(() => new Navigator(TestPacks.Standard(), null!, DateTimeOffset.UnixEpoch));
        var nav = new Navigator(TestPacks.Standard(), new NavigatorOptions(), DateTimeOffset.UnixEpoch);
        Assert.Throws<ArgumentNullException>(() => nav.SwapPack(null!));
    }
}
