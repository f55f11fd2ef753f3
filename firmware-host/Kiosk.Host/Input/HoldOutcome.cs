namespace Kiosk.Host.Input;

/// <summary>What a <see cref="LongPressDetector"/> concluded about a hold.</summary>
public enum HoldOutcome
{
    None,

    /// <summary>Released before the long-press time.</summary>
    Short,

    /// <summary>Held for the long-press time (reported once per hold).</summary>
    Long,
}
