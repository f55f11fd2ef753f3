using Kiosk.Render.Scenes;

namespace Kiosk.Host.Navigation;

/// <summary>
/// The transition the navigator is playing, for a renderer that wants more than <see cref="Scene"/>.
/// Progress at <c>now</c> is <c>min(1, StartT + (now - Start) / Duration)</c>, linear; easing is the renderer's.
/// </summary>
/// <param name="From">The screen being left.</param>
/// <param name="To">The screen being arrived at (the navigator's <see cref="Navigator.Screen"/>).</param>
/// <param name="Start">When the transition started.</param>
/// <param name="Duration">Time for a full transition from T = 0 to T = 1.</param>
/// <param name="StartT">
/// Progress at <see cref="Start"/>: 0, except when a press reversed a transition half played (A→B cut at t and
/// turned back to A), which starts B→A at 1 - t so the picture carries on from where it was.
/// </param>
/// <param name="InterruptedT">
/// When this transition cut another one short, the progress that one had reached; null otherwise. For a
/// reversal the picture is continuous anyway; otherwise <see cref="From"/> is the screen that dominated the
/// cut picture (the old one's From when it was under 0.5, its To from 0.5 on), and a renderer may use this
/// value to blend the jump away.
/// </param>
public readonly record struct NavTransition(
    Screen From,
    Screen To,
    DateTimeOffset Start,
    TimeSpan Duration,
    float StartT,
    float? InterruptedT);
