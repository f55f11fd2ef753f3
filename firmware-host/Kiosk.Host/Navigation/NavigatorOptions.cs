namespace Kiosk.Host.Navigation;

/// <summary>
/// Timings of the <see cref="Navigator"/>. Settable so configuration binding can fill it; the navigator checks it
/// with <see cref="ThrowIfInvalid"/> and copies the values when it is built, so later changes have no effect on it.
/// </summary>
public sealed class NavigatorOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Navigator";

    /// <summary>Time without a command before the kiosk falls into the attract loop. Default 90 s.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// How long before the idle timeout the screen says the exhibit is about to start over (WCAG asks for a
    /// warning before a time limit ends); any press then keeps the visitor where they are. Default 15 s; zero: none.
    /// A short <see cref="IdleTimeout"/> shortens it: the warning never takes more than the second half of it.
    /// </summary>
    public TimeSpan IdleWarning { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Start in the large-text mode (text 1.5x larger, contrast at least 7:1); a long press of Select switches it.</summary>
    public bool LargeText { get; set; }

    /// <summary>How long the attract loop shows each case. Default 8 s.</summary>
    public TimeSpan AttractInterval { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Transition between neighbouring phases of a case, on the phase or the diagram screen. Default 400 ms.</summary>
    public TimeSpan PhaseStepDuration { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Every other transition: a change of screen, of highlighted case, of case on show. Default 300 ms.</summary>
    public TimeSpan ScreenChangeDuration { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Lecture mode: after a presenter key, the idle timeout and attract loop wait until this long has passed
    /// without a command. Default 20 minutes; zero turns lecture mode off; at or below
    /// <see cref="IdleTimeout"/> it changes nothing.
    /// </summary>
    public TimeSpan LectureQuietTime { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Every problem, each naming its configuration key; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (AttractInterval <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(AttractInterval)}: must be positive (is {AttractInterval})");
        }

        if (IdleTimeout <= AttractInterval)
        {
            errors.Add($"{nameof(IdleTimeout)}: must be longer than {nameof(AttractInterval)} ({AttractInterval}), not {IdleTimeout}");
        }

        if (IdleWarning < TimeSpan.Zero)
        {
            errors.Add($"{nameof(IdleWarning)}: must be zero or more, not {IdleWarning}");
        }

        if (PhaseStepDuration <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(PhaseStepDuration)}: must be positive (is {PhaseStepDuration})");
        }

        if (ScreenChangeDuration <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(ScreenChangeDuration)}: must be positive (is {ScreenChangeDuration})");
        }

        // Not tied to IdleTimeout: a site that raises the idle timeout past the quiet time gets a lecture mode
        // that changes nothing, which is no reason to refuse to start.
        if (LectureQuietTime < TimeSpan.Zero)
        {
            errors.Add($"{nameof(LectureQuietTime)}: must be 0 (lecture mode off) or positive, not {LectureQuietTime}");
        }

        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming every problem: a navigator built from unchecked options is a bug.</summary>
    public void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid navigator options: " + string.Join("; ", errors));
        }
    }
}
