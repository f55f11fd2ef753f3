using Kiosk.Host.Packs;

namespace Kiosk.Host.Status;

/// <summary>
/// The running kiosk's own account of itself, fed by the frame loop (pack, screen, frames, displays, presses)
/// and the error log, and read by <see cref="StatusWriter"/>. Every change bumps <see cref="Version"/>, so the
/// writer knows when there is something new to write.
/// </summary>
public sealed class KioskStatus
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, DisplayStatus> _displays = new(StringComparer.Ordinal);
    private readonly List<string> _displayOrder = [];
    private PackOrigin? _origin;
    private string? _packId;
    private string? _packVersion;
    private DateTimeOffset? _packSince;
    private string? _screen;
    private long _frames;
    private long _presses;
    private DateTimeOffset? _lastPress;
    private StatusError? _lastError;
    private long _version;

    public KioskStatus(TimeProvider time)
    {
        _time = time;
        Started = time.GetUtcNow();
    }

    public DateTimeOffset Started { get; }

    /// <summary>Increases with every change.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The first frame of a pack has been presented.</summary>
    public void PackOnGlass(PackOrigin origin, string id, string version) => Change(() =>
    {
        _origin = origin;
        _packId = id;
        _packVersion = version;
        _packSince = _time.GetUtcNow();
    });

    /// <summary>The store committed (or reverted) the pack on the glass: the next write reads its new state.</summary>
    public void PackStateChanged() => Change(() => { });

    public void FramePresented(string screen, long frames) => Change(() =>
    {
        _screen = screen;
        _frames = frames;
    });

    public void Display(DisplayStatus display) => Change(() =>
    {
        if (_displays.TryAdd(display.Name, display))
        {
            _displayOrder.Add(display.Name);
        }
        else
        {
            // A frame that was not hashed (mid-transition) leaves the hash of the last one that was.
            _displays[display.Name] = display with { LastFrameHash = display.LastFrameHash ?? _displays[display.Name].LastFrameHash };
        }
    });

    public void Pressed(long count) => Change(() =>
    {
        _presses += count;
        _lastPress = _time.GetUtcNow();
    });

    public void Error(string message) => Change(() => _lastError = new StatusError(_time.GetUtcNow(), message));

    /// <summary>What is known now; <paramref name="packState"/> says whether the store holds a pack committed or on trial.</summary>
    public StatusReport Snapshot(Func<PackOrigin, string> packState)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return new StatusReport
            {
                Running = true,
                Started = Started,
                UptimeSeconds = Math.Round((now - Started).TotalSeconds, 1),
                Pack = _origin is { } o && _packSince is { } since
                    ? new PackOnGlass(_packId!, _packVersion!, o.Sha256, o.Source, packState(o), since)
                    : null,
                Screen = _screen,
                Frames = _frames,
                Displays = _displayOrder.Select(n => _displays[n]).ToList(),
                Presses = _presses,
                LastPress = _lastPress,
                LastError = _lastError,
            };
        }
    }

    private void Change(Action change)
    {
        lock (_gate)
        {
            change();
            _version++;
        }
    }
}
