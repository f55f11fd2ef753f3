namespace Kiosk.Host.Status;

/// <summary>
/// The exit code of <c>kiosk status</c> and of the content key's status answer, for monitoring tools that look
/// only at it (a Nagios/Icinga check by SSH, a systemd timer, a shell `if`). The output, text or JSON, is the
/// same whatever the code.
/// </summary>
public static class StatusExitCode
{
    /// <summary>The kiosk runs and every display it reports is healthy.</summary>
    public const int Healthy = 0;

    /// <summary>The kiosk is not running (stopped, died, never ran with this store), or a display is failing, or none has taken a frame yet.</summary>
    public const int Unhealthy = 1;

    // 2 stays what it is for every verb: a usage or settings error (bad --config).

    /// <summary>The status file exists but cannot be read (permissions, damage): the kiosk's state is unknown (Nagios's UNKNOWN is 3 too).</summary>
    public const int Unknown = 3;

    public static int Of(StatusReport report, bool fileUnreadable) =>
        fileUnreadable ? Unknown
        : report.Running && report.Displays.Count > 0 && report.Displays.All(d => d.Healthy) ? Healthy
        : Unhealthy;
}
