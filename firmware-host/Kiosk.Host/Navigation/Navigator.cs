using Kiosk.Content.Model;
using Kiosk.Render.Layout;
using Kiosk.Render.Scenes;
using Kiosk.Host.Input;

namespace Kiosk.Host.Navigation;

/// <summary>
/// Where the visitor is, as a pure state machine over a loaded pack: it takes <see cref="NavCommand"/>s and the
/// time, and tells the frame loop which <see cref="Scene"/> to draw. No I/O, no threads, no timers: the frame loop
/// calls <see cref="Tick"/> every frame, and every method that depends on time is given <c>now</c>.
/// The rules are the table in <c>Navigation/README.md</c>.
/// </summary>
/// <remarks>
/// Not thread-safe: one owner (the frame loop) calls it. Commands and ticks allocate nothing; only construction
/// and <see cref="SwapPack"/> do. <c>now</c> should come from a steady clock; a clock that steps backwards is
/// tolerated (every stored instant moves back with it, so a transition or the idle count carries on), one that
/// steps forwards counts as time gone by.
/// </remarks>
public sealed class Navigator
{
    private readonly TimeSpan _idleTimeout;
    private readonly TimeSpan _attractInterval;
    private readonly TimeSpan _phaseStep;
    private readonly TimeSpan _screenChange;
    private readonly TimeSpan _idleWarning;
    private readonly TimeSpan _lectureQuiet;

    private PackContent _pack;
    private int[] _phaseCounts;
    private bool[] _hasComparison;

    private Screen _screen;
    private Screen _glossaryReturn;
    private NavTransition _transition;
    private bool _animating;
    private bool _blanked;
    private bool _lecture;
    private DateTimeOffset _lastCommand;
    private DateTimeOffset _attractShownAt;
    private DateTimeOffset _lastNow;
    private long _version;
    private bool _largeText;
    private int _warningShown; // the countdown second last drawn, 0 when no warning is up

    public Navigator(PackContent pack, NavigatorOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _idleTimeout = options.IdleTimeout;
        _attractInterval = options.AttractInterval;
        _phaseStep = options.PhaseStepDuration;
        _screenChange = options.ScreenChangeDuration;
        _idleWarning = options.IdleWarning < options.IdleTimeout / 2 ? options.IdleWarning : options.IdleTimeout / 2;
        _largeText = options.LargeText;
        _lectureQuiet = options.LectureQuietTime;

        _pack = pack;
        (_phaseCounts, _hasComparison) = Index(pack);
        _screen = HomeScreen(pack.Cases.Count > 0 ? 0 : -1);
        _glossaryReturn = _screen;
        _transition = AtRest(_screen, now);
        _lastCommand = now;
        _attractShownAt = now;
        _lastNow = now;
    }

    /// <summary>The pack being navigated.</summary>
    public PackContent Pack => _pack;

    /// <summary>Where the visitor is: the screen at rest, or the one a transition in play is heading to.</summary>
    public Screen Screen => _screen;

    /// <summary>
    /// Goes up by at least one whenever what <see cref="Current"/> shows changes other than by a transition's
    /// progress: a new screen or transition, a transition settling at its end (seen by <see cref="Tick"/>), a pack
    /// swap. The frame loop draws when this differs from the version it last drew, or while
    /// <see cref="IsAnimating"/>; <see cref="NeedsFrame"/> says both.
    /// </summary>
    public long Version => _version;

    /// <summary>The transition started last (at rest after construction or a pack swap: From = To, StartT = 1).</summary>
    public NavTransition Transition => _transition;

    /// <summary>
    /// What to draw at <paramref name="now"/>: the transition in play with its linear progress T in [0, 1], or
    /// <see cref="Scene.At"/> the current screen when at rest.
    /// </summary>
    public Scene Current(DateTimeOffset now)
    {
        float t = Progress(now);
        var scene = t >= 1f ? Scene.At(_screen) : new Scene(_transition.From, _transition.To, t);
        return scene with { IdleWarningSeconds = WarningSeconds(now), LargeText = _largeText };
    }

    /// <summary>
    /// How many pages a screen takes on this display, in the large-text mode or not (the renderer's
    /// <c>SceneRenderer.PageCount</c>); null: every screen is one page. Next and Previous step through a phase's
    /// or comparison's pages before they move on.
    /// </summary>
    public Func<Screen, bool, int>? Pages { get; set; }

    private int PagesOf(Screen s) => Pages?.Invoke(s with { Page = 0 }, _largeText) ?? 1;

    /// <summary>True in the large-text mode (a long press of Select, or the <c>LargeText</c> setting, switches it).</summary>
    public bool LargeText => _largeText;

    /// <summary>
    /// Seconds (rounded up) until the idle timeout while its warning is up, else 0: the warning shows for the
    /// last <see cref="NavigatorOptions.IdleWarning"/> before the attract loop, never in the loop itself.
    /// </summary>
    public int WarningSeconds(DateTimeOffset now)
    {
        if (_idleWarning <= TimeSpan.Zero || _screen.Kind == ScreenKind.Attract)
        {
            return 0;
        }

        TimeSpan left = IdleDeadline - (now - _lastCommand);
        return left > TimeSpan.Zero && left <= _idleWarning ? (int)Math.Ceiling(left.TotalSeconds) : 0;
    }

    /// <summary>
    /// How long without a press before the attract loop: the idle timeout, or in lecture mode the quiet time when
    /// longer (a lecturer may talk over one screen for many minutes). The idle warning counts down to the same.
    /// </summary>
    private TimeSpan IdleDeadline => _lecture && _lectureQuiet > _idleTimeout ? _lectureQuiet : _idleTimeout;

    /// <summary>True while a transition is in play at <paramref name="now"/> (its T is below 1).</summary>
    public bool IsAnimating(DateTimeOffset now) => Progress(now) < 1f;

    /// <summary>True when the frame last drawn at <paramref name="renderedVersion"/> is out of date at <paramref name="now"/>.</summary>
    public bool NeedsFrame(long renderedVersion, DateTimeOffset now) => renderedVersion != _version || IsAnimating(now);

    /// <summary>
    /// True while the lecturer has blanked the screen: the frame loop shows black (and SPI panels turn their
    /// backlight off). Where the visitor is stays as it was, so unblanking shows the same screen again.
    /// </summary>
    public bool IsBlanked => _blanked;

    /// <summary>
    /// True in lecture mode: a presenter key was used and <see cref="NavigatorOptions.LectureQuietTime"/> has not
    /// yet passed without a command, so the idle timeout and the attract loop wait.
    /// </summary>
    public bool InLecture => _lecture;

    /// <summary>
    /// Applies a visitor's command at <paramref name="now"/>. Every command, even one that changes nothing, counts
    /// as activity and restarts the idle count. In the attract loop a command only wakes the kiosk (to Home on
    /// the case on show) and is not applied itself. Returns true when the screen changed.
    /// </summary>
    public bool Apply(NavCommand command, DateTimeOffset now) => Apply(command, now, presenter: false);

    /// <summary>
    /// As <see cref="Apply(NavCommand, DateTimeOffset)"/>; <paramref name="presenter"/> says the command came from a
    /// presenter key, which starts (or keeps up) lecture mode. In lecture mode a long Home leaves it and goes home.
    /// While blanked, any command only unblanks (Blank too), like a press in the attract loop only wakes.
    /// </summary>
    public bool Apply(NavCommand command, DateTimeOffset now, bool presenter)
    {
        Observe(now);
        bool warned = WarningSeconds(now) > 0;
        _lastCommand = now;
        if (command == NavCommand.HomeLong && _lecture)
        {
            // The lecturer's way to hand the exhibit back to visitors: home, and the idle count runs again.
            _lecture = false;
            bool wasBlanked = Unblank();
            return StartTransition(HomeScreen(CurrentCase()), now) || wasBlanked;
        }

        if (presenter && _lectureQuiet > TimeSpan.Zero)
        {
            _lecture = true;
        }

        if (Unblank())
        {
            return true;
        }

        if (warned)
        {
            // The press answers "are you still there?": it keeps the visitor where they are and does nothing else.
            _warningShown = 0;
            _version++;
            return false;
        }

        if (command == NavCommand.SelectLong && _screen.Kind != ScreenKind.Attract)
        {
            _largeText = !_largeText;
            if (_screen.Page > 0 && _screen.Page >= PagesOf(_screen))
            {
                // The other theme has fewer pages here: the first page stands in.
                _screen = _screen with { Page = 0 };
                _transition = AtRest(_screen, now);
                _animating = false;
            }

            _version++;
            return true;
        }

        Screen target;
        if (_screen.Kind == ScreenKind.Attract)
        {
            target = HomeScreen(_screen.CaseIndex);
        }
        else if (command == NavCommand.Blank)
        {
            _blanked = true;
            _version++;
            return true;
        }
        else
        {
            target = Resolve(_screen, command);
            if (target.Kind == ScreenKind.Glossary && _screen.Kind != ScreenKind.Glossary)
            {
                _glossaryReturn = _screen;
            }
        }

        return StartTransition(target, now);
    }

    /// <summary>
    /// Advances time to <paramref name="now"/>: settles a finished transition, falls into the attract loop after
    /// <see cref="NavigatorOptions.IdleTimeout"/> without a command, and moves the attract loop on every
    /// <see cref="NavigatorOptions.AttractInterval"/>. Idle is checked here only, never in <see cref="Apply"/>,
    /// so a press always acts on the screen the visitor sees. Returns true when <see cref="Version"/> changed.
    /// </summary>
    public bool Tick(DateTimeOffset now)
    {
        Observe(now);
        long before = _version;
        if (_animating && Progress(now) >= 1f)
        {
            _animating = false;
            _version++;
        }

        if (_screen.Kind == ScreenKind.Attract)
        {
            TimeSpan shown = now - _attractShownAt;
            if (shown >= _attractInterval)
            {
                // Whole intervals gone by: one step each, so a late or long-delayed tick lands on the case a
                // steady loop would be showing, and the schedule does not drift.
                long steps = shown.Ticks / _attractInterval.Ticks;
                _attractShownAt += TimeSpan.FromTicks(steps * _attractInterval.Ticks);
                int count = _phaseCounts.Length;
                if (count > 1)
                {
                    int next = (int)((_screen.CaseIndex + (steps % count)) % count);
                    StartTransition(new Screen(ScreenKind.Attract, next), now);
                }
            }
        }
        else if (now - _lastCommand >= IdleDeadline)
        {
            // The screen never stays dark on its own: the attract loop lights it again.
            _lecture = false;
            Unblank();
            _attractShownAt = now;
            _warningShown = 0;
            StartTransition(new Screen(ScreenKind.Attract, CurrentCase()), now);
        }
        else if (WarningSeconds(now) != _warningShown)
        {
            // The countdown is redrawn once a second, not every frame.
            _warningShown = WarningSeconds(now);
            _version++;
        }

        return _version != before;
    }

    /// <summary>
    /// Swaps in a reloaded pack. The visitor keeps their place when its case (by id) and phase still exist, and
    /// the attract loop keeps its timing; otherwise they land on Home, on their case if it is still there, else
    /// on the first. The picture snaps to the new place (a transition in play is dropped: its screens were
    /// indices into the old pack) and <see cref="Version"/> moves on, since the content changed. Not a command:
    /// the idle count goes on.
    /// </summary>
    public void SwapPack(PackContent pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var old = _pack;
        var (phaseCounts, hasComparison) = Index(pack);
        _pack = pack;
        _phaseCounts = phaseCounts;
        _hasComparison = hasComparison;

        if (_screen.Kind == ScreenKind.Glossary)
        {
            _glossaryReturn = Remap(_glossaryReturn, old);
        }

        _screen = Remap(_screen, old);
        _transition = AtRest(_screen, _transition.Start);
        _animating = false;
        _version++;
    }

    /// <summary>The screen a command leads to from <paramref name="s"/> (any screen but Attract): the README's table.</summary>
    private Screen Resolve(Screen s, NavCommand command)
    {
        int c = s.CaseIndex;
        int i = s.PhaseIndex;
        switch (command)
        {
            case NavCommand.Home:
                return s.Kind switch
                {
                    ScreenKind.Glossary => _glossaryReturn,
                    ScreenKind.Home => s,
                    _ => HomeScreen(c),
                };
            case NavCommand.HomeLong:
                return s.Kind switch
                {
                    ScreenKind.Glossary => s,
                    ScreenKind.Home => new Screen(ScreenKind.Glossary, -1),
                    _ => new Screen(ScreenKind.Glossary, c),
                };
        }

        int count = _phaseCounts.Length;
        if (command == NavCommand.FirstPhase)
        {
            int current = CurrentCase();
            return current < 0 ? s
                : _phaseCounts[current] > 0 ? new Screen(ScreenKind.Phase, current, 0)
                : new Screen(ScreenKind.CaseIntro, current);
        }

        if (command is >= NavCommand.Case1 and <= NavCommand.Case5)
        {
            int wanted = command - NavCommand.Case1;
            return wanted < count ? new Screen(ScreenKind.CaseIntro, wanted) : s;
        }

        switch (s.Kind)
        {
            case ScreenKind.Home:
                if (count == 0)
                {
                    return s;
                }

                return command switch
                {
                    NavCommand.Next => HomeScreen((c + 1) % count),
                    NavCommand.Previous => HomeScreen((c + count - 1) % count),
                    NavCommand.Select => new Screen(ScreenKind.CaseIntro, c),
                    _ => s,
                };

            case ScreenKind.CaseIntro:
                return command switch
                {
                    NavCommand.Next or NavCommand.Select when _phaseCounts[c] > 0 => new Screen(ScreenKind.Phase, c, 0),
                    NavCommand.Previous or NavCommand.Back => HomeScreen(c),
                    _ => s,
                };

            case ScreenKind.Phase:
                return command switch
                {
                    NavCommand.Next when s.Page + 1 < PagesOf(s) => s with { Page = s.Page + 1 },
                    NavCommand.Next when i + 1 < _phaseCounts[c] => new Screen(ScreenKind.Phase, c, i + 1),
                    NavCommand.Next when _hasComparison[c] => new Screen(ScreenKind.Comparison, c),
                    NavCommand.Previous when s.Page > 0 => s with { Page = s.Page - 1 },
                    NavCommand.Previous when i > 0 => new Screen(ScreenKind.Phase, c, i - 1),
                    NavCommand.Previous or NavCommand.Back => new Screen(ScreenKind.CaseIntro, c),
                    NavCommand.Select => new Screen(ScreenKind.Diagram, c, i),
                    _ => s,
                };

            case ScreenKind.Diagram:
                return command switch
                {
                    NavCommand.Next when i + 1 < _phaseCounts[c] => new Screen(ScreenKind.Diagram, c, i + 1),
                    NavCommand.Previous when i > 0 => new Screen(ScreenKind.Diagram, c, i - 1),
                    NavCommand.Select or NavCommand.Back => new Screen(ScreenKind.Phase, c, i),
                    _ => s,
                };

            case ScreenKind.Comparison:
                return command switch
                {
                    NavCommand.Next when s.Page + 1 < PagesOf(s) => s with { Page = s.Page + 1 },
                    NavCommand.Previous when s.Page > 0 => s with { Page = s.Page - 1 },
                    NavCommand.Previous or NavCommand.Back => _phaseCounts[c] > 0
                        ? new Screen(ScreenKind.Phase, c, _phaseCounts[c] - 1)
                        : new Screen(ScreenKind.CaseIntro, c),
                    _ => s,
                };

            case ScreenKind.Glossary:
                return command is NavCommand.Back or NavCommand.Select ? _glossaryReturn : s;

            default:
                return s;
        }
    }

    /// <summary>
    /// Starts the transition to <paramref name="target"/>, unless already heading there. A transition cut short
    /// at progress t and sent back where it came from plays in reverse from 1 - t; one sent elsewhere restarts at
    /// 0 from the screen that dominated the picture (its From under 0.5, its To from 0.5 on), recording t.
    /// </summary>
    private bool StartTransition(Screen target, DateTimeOffset now)
    {
        if (target == _screen)
        {
            return false;
        }

        float t = Progress(now);
        Screen from = _screen;
        float startT = 0f;
        float? interrupted = null;
        if (t < 1f)
        {
            interrupted = t;
            if (target == _transition.From)
            {
                startT = 1f - t;
            }
            else if (ContinuesPhaseStep(_transition.From, _transition.To, target))
            {
                // A further step the same way: one glide from where the first began to the new phase, entered at
                // the point the picture has already reached, so nothing on screen jumps back.
                from = _transition.From;
                float reached = Easing.InOutCubic(t) * PhaseSpan(_transition.From, _transition.To) / PhaseSpan(from, target);
                startT = Easing.InverseInOutCubic(reached);
            }
            else if (t < 0.5f)
            {
                from = _transition.From;
            }
        }

        _screen = target;
        _transition = new NavTransition(from, target, now, DurationBetween(from, target), startT, interrupted);
        _animating = true;
        _version++;
        return true;
    }

    private static bool ContinuesPhaseStep(Screen from, Screen to, Screen target) =>
        from.Kind == to.Kind && to.Kind == target.Kind
        && from.Kind is ScreenKind.Phase or ScreenKind.Diagram
        && from.CaseIndex == to.CaseIndex && to.CaseIndex == target.CaseIndex
        && Math.Sign(to.PhaseIndex - from.PhaseIndex) != 0
        && Math.Sign(to.PhaseIndex - from.PhaseIndex) == Math.Sign(target.PhaseIndex - to.PhaseIndex);

    private static float PhaseSpan(Screen a, Screen b) => Math.Abs(b.PhaseIndex - a.PhaseIndex);

    /// <summary>Linear progress of the transition in play at <paramref name="now"/>, 1 when at rest.</summary>
    private float Progress(DateTimeOffset now)
    {
        if (!_animating)
        {
            return 1f;
        }

        long elapsed = (now - _transition.Start).Ticks;
        if (elapsed <= 0)
        {
            return _transition.StartT;
        }

        double t = _transition.StartT + ((double)elapsed / _transition.Duration.Ticks);
        return t >= 1.0 ? 1f : (float)t;
    }

    private TimeSpan DurationBetween(Screen a, Screen b)
    {
        bool phaseStep = a.Kind == b.Kind
            && a.Kind is ScreenKind.Phase or ScreenKind.Diagram
            && a.CaseIndex == b.CaseIndex;
        return phaseStep ? _phaseStep : _screenChange;
    }

    /// <summary>Moves every stored instant back with a clock that stepped backwards, so nothing stalls.</summary>
    private void Observe(DateTimeOffset now)
    {
        if (now < _lastNow)
        {
            TimeSpan shift = now - _lastNow;
            _transition = _transition with { Start = _transition.Start + shift };
            _lastCommand += shift;
            _attractShownAt += shift;
        }

        _lastNow = now;
    }

    /// <summary>Ends a blank; true when the screen was blanked.</summary>
    private bool Unblank()
    {
        if (!_blanked)
        {
            return false;
        }

        _blanked = false;
        _version++;
        return true;
    }

    /// <summary>The case the visitor is on, for Home and the attract loop: a glossary's opener's case, else 0.</summary>
    private int CurrentCase()
    {
        var s = _screen.Kind == ScreenKind.Glossary && _screen.CaseIndex < 0 ? _glossaryReturn : _screen;
        return s.CaseIndex >= 0 ? s.CaseIndex : (_phaseCounts.Length > 0 ? 0 : -1);
    }

    private Screen HomeScreen(int caseIndex) =>
        Screen.Home(caseIndex >= 0 ? caseIndex : (_phaseCounts.Length > 0 ? 0 : -1));

    /// <summary>The screen of the (already installed) new pack that stands for <paramref name="s"/> of <paramref name="old"/>.</summary>
    private Screen Remap(Screen s, PackContent old)
    {
        int c = -1;
        if (s.CaseIndex >= 0 && s.CaseIndex < old.Cases.Count)
        {
            c = IndexOfCase(_pack, old.Cases[s.CaseIndex].Id);
        }

        switch (s.Kind)
        {
            case ScreenKind.Glossary when s.CaseIndex < 0:
                return s;
            case ScreenKind.Glossary when c >= 0:
                return new Screen(ScreenKind.Glossary, c);
            case ScreenKind.Attract:
                return new Screen(ScreenKind.Attract, c >= 0 ? c : (_phaseCounts.Length > 0 ? 0 : -1));
            case ScreenKind.CaseIntro when c >= 0:
                return new Screen(ScreenKind.CaseIntro, c);
            case ScreenKind.Phase or ScreenKind.Diagram when c >= 0 && s.PhaseIndex < _phaseCounts[c]:
                return new Screen(s.Kind, c, s.PhaseIndex);
            case ScreenKind.Comparison when c >= 0 && _hasComparison[c]:
                return new Screen(ScreenKind.Comparison, c);
            default:
                return HomeScreen(c);
        }
    }

    private static int IndexOfCase(PackContent pack, string id)
    {
        for (int i = 0; i < pack.Cases.Count; i++)
        {
            if (string.Equals(pack.Cases[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static (int[] PhaseCounts, bool[] HasComparison) Index(PackContent pack)
    {
        int n = pack.Cases.Count;
        var phaseCounts = new int[n];
        var hasComparison = new bool[n];
        for (int i = 0; i < n; i++)
        {
            phaseCounts[i] = pack.Cases[i].Phases.Count;
            hasComparison[i] = pack.Cases[i].Comparison is not null;
        }

        return (phaseCounts, hasComparison);
    }

    private NavTransition AtRest(Screen screen, DateTimeOffset start) =>
        new(screen, screen, start, _screenChange, 1f, null);
}
