using System.Security.Cryptography;
using Kiosk.Content.Diagnostics;
using Kiosk.Content.Packing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Host.Packs;

/// <summary>
/// Finds the pack to show (the --pack file, else the store's current pack, else the built-in one), and keeps
/// watching it: a changed file or a switched <c>current</c> link is loaded and verified here, off the frame
/// loop, and handed over to be swapped in at a frame boundary. A pack that fails to load is logged and the last
/// good one stays on screen.
/// </summary>
public sealed class PackWatcher : BackgroundService
{
    private readonly PackWatcherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PackWatcher> _logger;
    private readonly PackStore _store;
    private Pending? _pending;
    private (string Path, long Length, DateTime Modified) _shown;
    private (string Path, long Length, DateTime Modified) _lastFailed;

    public PackWatcher(IOptions<PackWatcherOptions> options, TimeProvider time, ILogger<PackWatcher> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _store = new PackStore(new PackStoreOptions { Root = _options.Store }, time);
        string path = ResolvePath();
        Initial = Load(path) ?? throw new InvalidOperationException($"no pack can be shown: {path} was refused (see the errors above)");
        InitialOrigin = Origin(path);
        _shown = Identity(path);
        _logger.LogInformation("showing pack {Id} {Version} from {Path}", Initial.Manifest.Id, Initial.Manifest.Version, path);
    }

    /// <summary>The pack loaded at start.</summary>
    public LoadedPack Initial { get; }

    /// <summary>Where the pack loaded at start came from.</summary>
    public PackOrigin InitialOrigin { get; }

    /// <summary>Takes a newly loaded pack, if one is waiting.</summary>
    public bool TryTake(out LoadedPack pack) => TryTake(out pack, out _);

    /// <summary>Takes a newly loaded pack and where it came from, if one is waiting.</summary>
    public bool TryTake(out LoadedPack pack, out PackOrigin origin)
    {
        var pending = Interlocked.Exchange(ref _pending, null);
        pack = pending?.Pack!;
        origin = pending?.Origin!;
        return pending is not null;
    }

    /// <summary>Checks once for a new pack; the background loop calls this on every poll.</summary>
    public void Poll()
    {
        string path = ResolvePath();
        var identity = Identity(path);
        if (identity == _shown || identity == _lastFailed)
        {
            return;
        }

        var pack = Load(path);
        if (pack is null)
        {
            _lastFailed = identity;
            _logger.LogError("pack {Path} was refused; the last good pack stays on screen", path);
            return;
        }

        _shown = identity;
        Volatile.Write(ref _pending, new Pending(pack, Origin(path)));
        _logger.LogInformation("new pack {Id} {Version} from {Path}; swapping at the next frame", pack.Manifest.Id, pack.Manifest.Version, path);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                Poll();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _logger.LogWarning(ex, "could not check for a new pack");
            }
        }
    }

    private string ResolvePath()
    {
        if (!string.IsNullOrEmpty(_options.Pack))
        {
            return Path.GetFullPath(_options.Pack);
        }

        return _store.Current is { } current && File.Exists(current) ? current : BuiltinPack.Path;
    }

    private LoadedPack? Load(string path)
    {
        try
        {
            var pack = PackReader.Read(path);
            var diagnostics = new DiagnosticBag();
            PackVerifier.Check(pack, path, seedsDir: null, diagnostics);
            foreach (var d in diagnostics.Items)
            {
                _logger.LogError("{Diagnostic}", d.ToString());
            }

            return diagnostics.HasErrors ? null : pack;
        }
        catch (ContentException ex)
        {
            foreach (var d in ex.Diagnostics)
            {
                _logger.LogError("{Diagnostic}", d.ToString());
            }

            return null;
        }
    }

    private PackOrigin Origin(string path)
    {
        string source = !string.IsNullOrEmpty(_options.Pack) ? PackOrigin.File
            : path == BuiltinPack.Path ? PackOrigin.Builtin
            : PackOrigin.Store;
        using var stream = File.OpenRead(path);
        return new PackOrigin(path, Convert.ToHexStringLower(SHA256.HashData(stream)), source);
    }

    private static (string, long, DateTime) Identity(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (path, info.Length, info.LastWriteTimeUtc) : (path, -1, default);
    }

    private sealed record Pending(LoadedPack Pack, PackOrigin Origin);
}
