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

    /// <summary>How long the attract loop shows each case. Default 8 s.</summary>
    public TimeSpan AttractInterval { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Transition between neighbouring phases of a case, on the phase or the diagram screen. Default 400 ms.</summary>
    public TimeSpan PhaseStepDuration { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>Every other transition: a change of screen, of highlighted case, of case on show. Default 300 ms.</summary>
    public TimeSpan ScreenChangeDuration { get; set; } = TimeSpan.FromMilliseconds(300);

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

        if (PhaseStepDuration <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(PhaseStepDuration)}: must be positive (is {PhaseStepDuration})");
        }

        if (ScreenChangeDuration <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(ScreenChangeDuration)}: must be positive (is {ScreenChangeDuration})");
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
