using Microsoft.Extensions.Time.Testing;
using Kiosk.Content.Model;
using Kiosk.Host.Navigation;
using Kiosk.Host.Tests.Fakes;
using Kiosk.Render.Scenes;
using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Navigation;

/// <summary>A navigator driven by a <see cref="FakeTimeProvider"/>, as the frame loop would drive it.</summary>
internal sealed class NavHarness
{
    public NavHarness(PackContent? pack = null, NavigatorOptions? options = null)
    {
        Nav = new Navigator(pack ?? TestPacks.Standard(), options ?? new NavigatorOptions(), Time.GetUtcNow());
    }

    private TimeSpan _wallStep;

    public FakeTimeProvider Time { get; } = FakeClock.Create();

    public Navigator Nav { get; }

    /// <summary>What the navigator is told the time is: the clock, plus any step of the wall clock (NTP, a fixed RTC).</summary>
    public DateTimeOffset Now => Time.GetUtcNow() + _wallStep;

    /// <summary>The wall clock jumps (FakeTimeProvider only moves forward, so the jump is kept here).</summary>
    public void StepWallClock(TimeSpan step) => _wallStep += step;

    public Screen Screen => Nav.Screen;

    public Scene Scene => Nav.Current(Now);

    /// <summary>Applies the commands one after another at the current time.</summary>
    public Screen Press(params NavCommand[] commands)
    {
        foreach (var c in commands)
        {
            Nav.Apply(c, Now);
        }

        return Nav.Screen;
    }

    /// <summary>Applies the commands, letting each transition finish (and ticking) before the next.</summary>
    public Screen Walk(params NavCommand[] commands)
    {
        foreach (var c in commands)
        {
            Nav.Apply(c, Now);
            Advance(TimeSpan.FromSeconds(1));
        }

        return Nav.Screen;
    }

    /// <summary>Moves time on and ticks once, as a frame would.</summary>
    public bool Advance(TimeSpan delta)
    {
        Time.Advance(delta);
        return Nav.Tick(Now);
    }

    public bool AdvanceMs(double ms) => Advance(TimeSpan.FromMilliseconds(ms));

    /// <summary>
    /// Brings a fresh navigator (on Home(0)) to <paramref name="target"/> the way a visitor would, letting every
    /// transition finish; the last command is then one second old.
    /// </summary>
    public void Reach(Screen target)
    {
        int c = target.CaseIndex;
        switch (target.Kind)
        {
            case ScreenKind.Home:
                for (int i = 0; i < c; i++)
                {
                    Walk(NavCommand.Next);
                }

                break;
            case ScreenKind.CaseIntro:
                Reach(Screen.Home(c));
                Walk(NavCommand.Select);
                break;
            case ScreenKind.Phase:
                Reach(new Screen(ScreenKind.CaseIntro, c));
                Walk(NavCommand.Select);
                for (int i = 0; i < target.PhaseIndex; i++)
                {
                    Walk(NavCommand.Next);
                }

                break;
            case ScreenKind.Diagram:
                Reach(new Screen(ScreenKind.Phase, c, target.PhaseIndex));
                Walk(NavCommand.Select);
                break;
            case ScreenKind.Comparison:
                Reach(new Screen(ScreenKind.Phase, c, Nav.Pack.Cases[c].Phases.Count - 1));
                Walk(NavCommand.Next);
                break;
            case ScreenKind.Glossary:
                Reach(c < 0 ? Screen.Home(0) : new Screen(ScreenKind.CaseIntro, c));
                Walk(NavCommand.HomeLong);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, "reach Attract by waiting");
        }

        Assert.Equal(target, Nav.Screen);
        Assert.True(Nav.Current(Now).IsAtRest);
    }
}
