using Kiosk.Host.Packs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Host.Status;

/// <summary>
/// Keeps the status file up to date: once at start, then at most every <see cref="StatusOptions.WriteInterval"/>
/// and only when something changed, and a last time on a clean stop (<c>stopped</c> set, <c>running</c> false).
/// </summary>
public sealed class StatusWriter(KioskStatus status, IOptions<StatusOptions> options, IOptions<PackWatcherOptions> packs, TimeProvider time, ILogger<StatusWriter> logger)
    : BackgroundService
{
    private readonly StatusOptions _options = options.Value;
    private readonly SystemHealth _health = new(options.Value);
    private readonly ProcessIdentity? _self = ProcessIdentity.Current();
    private readonly PackStore _store = new(new PackStoreOptions { Root = packs.Value.Store }, time);
    private long _written = -1;

    public string Path { get; } = StatusFile.For(packs.Value.Store);

    /// <summary>Writes now if anything changed since the last write; the timer calls this.</summary>
    public void WriteIfChanged()
    {
        long version = status.Version;
        if (version != _written)
        {
            Write(stopped: null);
            _written = version;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Write(stopped: time.GetUtcNow());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        WriteIfChanged();
        using var timer = new PeriodicTimer(_options.WriteInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            WriteIfChanged();
        }
    }

    private void Write(DateTimeOffset? stopped)
    {
        var report = status.Snapshot(origin => PackCommitState.Of(origin, _store)) with
        {
            Running = stopped is null,
            KioskVersion = KioskVersion.Text,
            Hostname = Environment.MachineName,
            Pid = _self?.Pid ?? Environment.ProcessId,
            ProcessStartTicks = _self?.StartTicks,
            Updated = time.GetUtcNow(),
            Stopped = stopped,
            TemperatureC = _health.TemperatureC(),
            Throttled = _health.Throttled(allowVcgencmd: false),
        };
        try
        {
            StatusFile.Write(Path, report);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Never an error for the exhibit: the screen matters more than the report about it.
            logger.LogWarning("could not write the status file {Path}: {Message}", Path, ex.Message);
        }
    }
}
