using Kiosk.Host.Input;
using Kiosk.Host.Navigation;
using Kiosk.Render.Scenes;
using Microsoft.Extensions.Time.Testing;
using static Kiosk.Host.Input.NavCommand;

namespace Kiosk.Host.Tests.Navigation;

/// <summary>
/// Lecture mode on a fake clock (defaults: idle 90 s, lecture quiet time 20 min): a presenter key holds off the
/// attract loop until the hall has been quiet that long; a long Home hands the exhibit back at once.
/// </summary>
public sealed class LectureModeTests
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(500);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly Navigator _nav;

    public LectureModeTests()
    {
        _nav = new Navigator(TestPacks.Standard(), new NavigatorOptions(), _clock.GetUtcNow());
    }

    private DateTimeOffset Now => _clock.GetUtcNow();

    private void Presenter(NavCommand command) => _nav.Apply(command, Now, presenter: true);

    private void Visitor(NavCommand command) => _nav.Apply(command, Now);

    /// <summary>Lets time pass a frame at a time, ticking as the frame loop does.</summary>
    private void Wait(TimeSpan span)
    {
        for (TimeSpan waited = TimeSpan.Zero; waited < span; waited += Frame)
        {
            _clock.Advance(Frame);
            _nav.Tick(Now);
        }
    }

    [Fact]
    public void Without_a_presenter_key_the_idle_timeout_still_starts_the_attract_loop()
    {
        Visitor(Select);
        Visitor(Next);

        Wait(TimeSpan.FromSeconds(90));

        Assert.False(_nav.InLecture);
        Assert.Equal(ScreenKind.Attract, _nav.Screen.Kind);
    }

    [Fact]
    public void After_a_presenter_key_the_screen_stays_put_until_the_quiet_time_has_passed()
    {
        Presenter(Select);
        Presenter(Next);
        var lectureScreen = new Screen(ScreenKind.Phase, 0, 0);
        Assert.Equal(lectureScreen, _nav.Screen);

        Wait(TimeSpan.FromMinutes(20) - Frame);
        Assert.True(_nav.InLecture);
        Assert.Equal(lectureScreen, _nav.Screen);

        Wait(Frame);
        Assert.False(_nav.InLecture);
        Assert.Equal(new Screen(ScreenKind.Attract, 0), _nav.Screen);
    }

    [Fact]
    public void Every_press_during_the_lecture_restarts_the_quiet_time()
    {
        Presenter(Select);
        Wait(TimeSpan.FromMinutes(15));
        Visitor(Next); // the lecturer reaching for the kiosk's own buttons
        Wait(TimeSpan.FromMinutes(15));

        Assert.True(_nav.InLecture);
        Assert.Equal(new Screen(ScreenKind.Phase, 0, 0), _nav.Screen);

        Wait(TimeSpan.FromMinutes(5));
        Assert.Equal(ScreenKind.Attract, _nav.Screen.Kind);
    }

    [Fact]
    public void A_long_home_leaves_lecture_mode_goes_home_and_the_idle_timeout_applies_again()
    {
        Presenter(Case3);
        Presenter(FirstPhase);
        Presenter(Blank);

        Visitor(HomeLong);

        Assert.False(_nav.InLecture);
        Assert.False(_nav.IsBlanked);
        Assert.Equal(Screen.Home(2), _nav.Screen);
        Wait(TimeSpan.FromSeconds(90));
        Assert.Equal(new Screen(ScreenKind.Attract, 2), _nav.Screen);
    }

    [Fact]
    public void Outside_lecture_mode_a_long_home_still_opens_the_glossary()
    {
        Visitor(Select);

        Visitor(HomeLong);

        Assert.Equal(new Screen(ScreenKind.Glossary, 0), _nav.Screen);
    }

    [Fact]
    public void A_blanked_screen_stays_black_through_the_lecture_and_lights_again_when_it_ends()
    {
        Presenter(Select);
        Presenter(Blank);

        Wait(TimeSpan.FromMinutes(10));
        Assert.True(_nav.IsBlanked);
        Assert.Equal(new Screen(ScreenKind.CaseIntro, 0), _nav.Screen);

        Wait(TimeSpan.FromMinutes(10));
        Assert.False(_nav.IsBlanked);
        Assert.Equal(ScreenKind.Attract, _nav.Screen.Kind);
    }

    [Fact]
    public void A_blank_from_a_key_outside_the_lecture_keys_ends_with_the_idle_timeout()
    {
        Visitor(Blank);

        Wait(TimeSpan.FromSeconds(90));

        Assert.False(_nav.IsBlanked);
        Assert.Equal(ScreenKind.Attract, _nav.Screen.Kind);
    }

    [Fact]
    public void Lecture_mode_is_off_with_a_quiet_time_of_zero()
    {
        var nav = new Navigator(TestPacks.Standard(), new NavigatorOptions { LectureQuietTime = TimeSpan.Zero }, Now);
        nav.Apply(Next, Now, presenter: true);

        _clock.Advance(TimeSpan.FromSeconds(90));
        nav.Tick(Now);

        Assert.False(nav.InLecture);
        Assert.Equal(ScreenKind.Attract, nav.Screen.Kind);
    }

    [Fact]
    public void A_negative_quiet_time_is_refused_and_one_below_the_idle_timeout_is_accepted()
    {
        Assert.Contains(new NavigatorOptions { LectureQuietTime = TimeSpan.FromSeconds(-1) }.Validate(), e => e.StartsWith("LectureQuietTime:", StringComparison.Ordinal));
        Assert.Empty(new NavigatorOptions { IdleTimeout = TimeSpan.FromHours(1) }.Validate());
    }

    [Fact]
    public void With_an_idle_timeout_longer_than_the_quiet_time_the_idle_timeout_decides()
    {
        var nav = new Navigator(TestPacks.Standard(), new NavigatorOptions { IdleTimeout = TimeSpan.FromHours(1) }, Now);
        nav.Apply(Next, Now, presenter: true);

        _clock.Advance(TimeSpan.FromMinutes(59));
        nav.Tick(Now);
        Assert.Equal(Screen.Home(1), nav.Screen);

        _clock.Advance(TimeSpan.FromMinutes(1));
        nav.Tick(Now);
        Assert.Equal(ScreenKind.Attract, nav.Screen.Kind);
    }
}
