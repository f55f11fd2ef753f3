using Kiosk.Host.Packs;

namespace Kiosk.Host.Status;

/// <summary>
/// What <c>kiosk status</c> (and the content key's status answer) reports for a store: the running kiosk's status
/// file, whether that kiosk is still alive, what the store holds as current, and the Pi's health read now.
/// Works with no kiosk running: it then says so, and why, from what the file and the store show.
/// </summary>
public sealed class StatusReader(StatusOptions options, TimeProvider time)
{
    private readonly SystemHealth _health = new(options);

    public StatusReport Read(string store) => Read(store, out _);

    /// <param name="exitCode">What <c>kiosk status</c> exits with for this report (<see cref="StatusExitCode"/>).</param>
    public StatusReport Read(string store, out int exitCode)
    {
        string path = StatusFile.For(store);
        var file = StatusFile.TryRead(path, out string? problem, out bool unreadable);
        bool running = file is { Stopped: null, Pid: { } pid } && (file.ProcessStartTicks is { } ticks
            ? new ProcessIdentity(pid, ticks).IsAlive()
            : Directory.Exists($"/proc/{pid}"));
        var report = (file ?? new StatusReport { KioskVersion = KioskVersion.Text }) with
        {
            Running = running,
            Message = Message(file, problem, running),
            Hostname = Environment.MachineName,
            UptimeSeconds = running && file?.Started is { } started ? Math.Round((time.GetUtcNow() - started).TotalSeconds, 1) : null,
            StatusFile = path,
            Store = Current(store),
            TemperatureC = _health.TemperatureC(),
            Throttled = _health.Throttled(allowVcgencmd: true),
        };
        exitCode = StatusExitCode.Of(report, unreadable);
        return report;
    }

    private static string Message(StatusReport? file, string? problem, bool running) => (file, running) switch
    {
        (null, _) => problem!,
        (_, true) => $"running (pid {file.Pid})",
        ({ Stopped: { } stopped }, _) => $"not running: stopped at {Text.Time(stopped)}",
        _ => $"not running: the kiosk (pid {file.Pid}) ended without stopping cleanly; last status {Text.Time(file.Updated)}",
    };

    private StorePack? Current(string store)
    {
        try
        {
            var current = new PackStore(new PackStoreOptions { Root = store }, time).List().FirstOrDefault(p => p.IsCurrent);
            return current is null ? null : new StorePack(current.Id, current.Version, current.Sha256, PackCommitState.Of(current));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Times as the reports print them.</summary>
    internal static class Text
    {
        public static string Time(DateTimeOffset? at) =>
            at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) : "-";
    }
}
