namespace Kiosk.Host.Settings;

/// <summary>The one exception a bad setting raises: every message names its key; <c>kiosk run</c> prints them and exits 2.</summary>
public sealed class KioskSettingsException(IReadOnlyList<string> errors)
    : Exception("invalid settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
