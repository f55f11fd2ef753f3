using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Kiosk.Content.Diagnostics;
using Kiosk.Content.Packing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Host.Packs;

/// <summary>
/// Finds the pack to show (the --pack file, else the store's current pack, else the built-in one), keeps watching
/// it, and runs the store's trials. A new current pack is loaded and verified here, off the frame loop, handed over
/// to be swapped in at a frame boundary, and is on trial until the frame loop confirms its first frame is on the
/// glass with the inputs alive (<see cref="Confirm"/>): then it is committed. A pack that will not load, that the
/// renderer throws on (<see cref="Reject"/>), or that shows no frame within the trial time is marked bad, the store
/// goes back to the last committed pack and that is shown. Starting on a damaged store never crashes: it falls back
/// to the committed pack, then any good one, then the built-in pack.
/// </summary>
public sealed class PackWatcher : BackgroundService
{
    private readonly PackWatcherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PackWatcher> _logger;
    private readonly PackStore _store;
    private readonly Lock _gate = new();
    private LoadedPack? _pending;
    private LoadedPack _lastGood;
    private Trial? _trial;
    private PackPreload? _preload;

    // Where each loaded pack came from, for the status; weak, so swapped-out packs are not kept alive.
    private readonly ConditionalWeakTable<LoadedPack, PackOrigin> _origins = new();
    private (string Path, long Length, DateTime Modified) _shown;
    private (string Path, long Length, DateTime Modified) _lastFailed;

    public PackWatcher(IOptions<PackWatcherOptions> options, TimeProvider time, ILogger<PackWatcher> logger, PackPreload? preload = null)
    {
        _preload = preload;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _store = new PackStore(new PackStoreOptions { Root = _options.Store }, time);
        Initial = string.IsNullOrEmpty(_options.Pack) ? StartFromStore() : StartFromFile(Path.GetFullPath(_options.Pack));
        _lastGood = Initial;
    }

    /// <summary>The pack loaded at start.</summary>
    public LoadedPack Initial { get; }

    /// <summary>Where the pack loaded at start came from.</summary>
    public PackOrigin InitialOrigin => OriginOf(Initial);

    /// <summary>Takes a newly loaded pack, if one is waiting.</summary>
    public bool TryTake(out LoadedPack pack)
    {
        pack = Interlocked.Exchange(ref _pending, null)!;
        return pack is not null;
    }

    /// <summary>Takes a newly loaded pack and where it came from, if one is waiting.</summary>
    public bool TryTake(out LoadedPack pack, out PackOrigin origin)
    {
        bool taken = TryTake(out pack);
        origin = taken ? OriginOf(pack) : null!;
        return taken;
    }

    /// <summary>Where a pack this watcher loaded came from (its file, sha256 and source).</summary>
    public PackOrigin OriginOf(LoadedPack pack) =>
        _origins.TryGetValue(pack, out var origin) ? origin : new PackOrigin(string.Empty, string.Empty, PackOrigin.File);

    /// <summary>
    /// Committed or on trial, from the store's own trial state (the same links <see cref="Confirm"/> moves): a pack
    /// from the store is on trial until <c>committed</c> points at it; a --pack file or the built-in pack is committed.
    /// </summary>
    public string StateOf(PackOrigin origin) => PackCommitState.Of(origin, _store);

    /// <summary>
    /// The frame loop has put <paramref name="pack"/>'s first frame on a working display with the inputs alive: a
    /// pack on trial is committed. Cheap when there is nothing to do, so the loop may call it after every frame.
    /// </summary>
    /// <returns>True when this call committed the pack (the store's state changed).</returns>
    public bool Confirm(LoadedPack pack)
    {
        lock (_gate)
        {
            _lastGood = pack;
            if (_trial is not { } trial || !ReferenceEquals(trial.Pack, pack) || !TryCommit(trial.Sha256))
            {
                return false;
            }

            _trial = null;
            _logger.LogInformation("pack {Id} {Version} ({Sha}) committed {Ms:0} ms after its trial began: its first frame is on the glass and the inputs are alive",
                SafeText.Escape(pack.Manifest.Id), SafeText.Escape(pack.Manifest.Version), trial.Sha256[..12], _time.GetElapsedTime(trial.Started).TotalMilliseconds);
            return true;
        }
    }

    /// <summary>Commits in the store; a store that cannot be written is logged and tried again after the next frame.</summary>
    private bool TryCommit(string sha)
    {
        try
        {
            return _store.Commit(sha);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("could not commit {Sha} ({Message}); trying again", sha[..12], ex.Message);
            return false;
        }
    }

    /// <summary>
    /// The frame loop could not show <paramref name="pack"/> (its renderer threw): it is marked bad in the store, the
    /// store reverts, and the pack to show instead is returned (null when the built-in pack itself failed).
    /// </summary>
    public LoadedPack? Reject(LoadedPack pack, string reason)
    {
        lock (_gate)
        {
            if (_trial is { } trial && ReferenceEquals(trial.Pack, pack))
            {
                return Fail(trial, $"the renderer failed on it: {reason}");
            }

            if (!ReferenceEquals(pack, _lastGood))
            {
                _logger.LogError("pack {Id} {Version} failed in the renderer ({Reason}); showing the last good pack", SafeText.Escape(pack.Manifest.Id), SafeText.Escape(pack.Manifest.Version), SafeText.Escape(reason));
                return _lastGood;
            }

            if (!string.IsNullOrEmpty(_options.Pack) && _origins.TryGetValue(pack, out var origin) && origin.Path != _options.Builtin)
            {
                // A --pack file that verifies but cannot be drawn: the screen must not go dark, so the built-in
                // pack takes over (a restart under systemd would only fail the same way again).
                var (builtin, problems) = Load(_options.Builtin);
                _logger.LogError("pack file {Path} ({Id} {Version}) failed in the renderer ({Reason}); showing the built-in pack",
                    SafeText.Escape(_options.Pack), SafeText.Escape(pack.Manifest.Id), SafeText.Escape(pack.Manifest.Version), SafeText.Escape(reason));
                if (builtin is null)
                {
                    _logger.LogCritical("the built-in pack cannot be shown either: {Problems}", SafeText.Escape(problems));
                    return null;
                }

                _lastGood = builtin;
                return builtin;
            }

            if (_store.CurrentSha is { } sha && string.IsNullOrEmpty(_options.Pack) && ResolvePath() != _options.Builtin)
            {
                // A committed pack that now fails (new firmware, say): the store goes back past it, as for a trial.
                return Fail(new Trial(sha, pack, _time.GetTimestamp()), $"the renderer failed on it: {reason}");
            }

            _logger.LogCritical("the built-in pack failed in the renderer: {Reason}", SafeText.Escape(reason));
            return null;
        }
    }

    /// <summary>Checks once for a new pack and for an overdue trial; the background loop calls this on every poll.</summary>
    public void Poll()
    {
        lock (_gate)
        {
            if (_trial is { } trial && _time.GetElapsedTime(trial.Started) > _options.TrialTimeout)
            {
                var back = Fail(trial, $"no first frame within {_options.TrialTimeout.TotalSeconds:0} s");
                if (back is not null)
                {
                    Volatile.Write(ref _pending, back);
                }
            }

            string path = ResolvePath();
            var identity = Identity(path);
            if (identity == _shown || identity == _lastFailed)
            {
                return;
            }

            var (pack, problems) = Load(path);
            if (pack is null)
            {
                _lastFailed = identity;
                if (StoreSha(path) is { } bad)
                {
                    var back = Fail(new Trial(bad, null, _time.GetTimestamp()), $"it does not load: {problems}");
                    if (back is not null && !ReferenceEquals(back, _lastGood))
                    {
                        Volatile.Write(ref _pending, back);
                    }
                }
                else
                {
                    _logger.LogError("pack {Path} was refused ({Problems}); the last good pack stays on screen", SafeText.Escape(path), problems);
                }

                return;
            }

            _shown = identity;
            StartTrialIfNew(path, pack);
            Volatile.Write(ref _pending, pack);
            _logger.LogInformation("new pack {Id} {Version} from {Path}; swapping at the next frame", SafeText.Escape(pack.Manifest.Id), SafeText.Escape(pack.Manifest.Version), path);
        }
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

    private LoadedPack StartFromFile(string path)
    {
        var (pack, problems) = Load(path);
        if (pack is null)
        {
            throw new PackRefusedException(path, [problems]);
        }

        _shown = Identity(path);
        _logger.LogInformation("showing pack {Id} {Version} from {Path}", SafeText.Escape(pack.Manifest.Id), SafeText.Escape(pack.Manifest.Version), path);
        return pack;
    }

    /// <summary>
    /// The store's current pack; if it will not load, it is marked bad and the store falls back (committed, then the
    /// newest good pack, then none: the built-in pack). Never throws for the store's sake.
    /// </summary>
    private LoadedPack StartFromStore()
    {
        try
        {
            long started = _time.GetTimestamp();
            if (_store.RecoverAtStart() is { } reverted)
            {
                _logger.LogWarning("pack {Id} {Version} ({Sha}) reverted at start in {Ms:0} ms: {Reason}",
                    SafeText.Escape(reverted.Id), SafeText.Escape(reverted.Version), reverted.Sha256[..12], _time.GetElapsedTime(started).TotalMilliseconds, SafeText.Escape(reverted.BadReason));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogError("the pack store {Store} could not be checked at start ({Message}); trying its packs as they are", _options.Store, ex.Message);
        }

        var tried = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            string path = ResolvePath();
            var (pack, problems) = Load(path);
            if (pack is not null)
            {
                _shown = Identity(path);
                StartTrialIfNew(path, pack);
                _logger.LogInformation("showing pack {Id} {Version} from {Path}", SafeText.Escape(pack.Manifest.Id), SafeText.Escape(pack.Manifest.Version), path);
                return pack;
            }

            if (StoreSha(path) is not { } sha || !tried.Add(sha))
            {
                throw new PackRefusedException(path, [problems]);
            }

            _logger.LogError("the store's current pack {Path} cannot be shown ({Problems}); falling back to the last committed pack, else the built-in one", path, SafeText.Escape(problems));
            try
            {
                _store.Revert(sha, $"it did not load at start: {problems}", out bool done);
                if (!done)
                {
                    // An install holds the store: show the built-in pack now; the next poll sees what it leaves.
                    return LoadBuiltinOrThrow();
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _logger.LogError("could not revert the store ({Message}); showing the built-in pack", ex.Message);
                return LoadBuiltinOrThrow();
            }
        }
    }

    private LoadedPack LoadBuiltinOrThrow()
    {
        var (pack, problems) = Load(_options.Builtin);
        return pack ?? throw new PackRefusedException(_options.Builtin, [problems]);
    }

    /// <summary>A store pack that is current but not committed goes on trial: persisted first, so a power cut reverts it.</summary>
    private void StartTrialIfNew(string path, LoadedPack pack)
    {
        _trial = null;
        if (StoreSha(path) is not { } sha || sha == _store.CommittedSha)
        {
            return;
        }

        try
        {
            _store.BeginTrial(sha);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("could not record the trial of {Sha} ({Message}); it is still tried", sha[..12], ex.Message);
        }

        _trial = new Trial(sha, pack, _time.GetTimestamp());
        _logger.LogInformation("pack {Id} {Version} ({Sha}) on trial: committed once its first frame is on the glass, reverted if none within {Seconds:0} s",
            SafeText.Escape(pack.Manifest.Id), SafeText.Escape(pack.Manifest.Version), sha[..12], _options.TrialTimeout.TotalSeconds);
    }

    /// <summary>Marks the pack bad, reverts the store, and returns the pack to show now (null: keep what is shown).</summary>
    private LoadedPack? Fail(Trial trial, string reason)
    {
        _trial = null;
        InstalledPack? now = null;
        try
        {
            now = _store.Revert(trial.Sha256, reason, out bool done);
            if (!done)
            {
                _logger.LogWarning("the store is busy; {Sha} will be reverted at the next poll", trial.Sha256[..12]);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogError("could not revert the store ({Message})", ex.Message);
        }

        _logger.LogError("pack {Sha} marked bad and reverted {Ms:0} ms after its trial began: {Reason}; now showing {Now}",
            trial.Sha256[..12], _time.GetElapsedTime(trial.Started).TotalMilliseconds, SafeText.Escape(reason), now is null ? "the built-in pack" : $"{SafeText.Escape(now.Id)} {SafeText.Escape(now.Version)} ({now.Sha256[..12]})");

        string path = ResolvePath();
        _shown = Identity(path);
        if (ReferenceEquals(trial.Pack, _lastGood) || trial.Pack is null)
        {
            // The pack that failed never reached the screen (or is what is there); load what the store now points at.
            var (pack, _) = Load(path);
            if (pack is not null)
            {
                _lastGood = pack;
                return pack;
            }

            var builtin = Load(_options.Builtin).Pack;
            if (builtin is not null)
            {
                _lastGood = builtin;
            }

            return builtin;
        }

        return _lastGood;
    }

    private string ResolvePath()
    {
        if (!string.IsNullOrEmpty(_options.Pack))
        {
            return Path.GetFullPath(_options.Pack);
        }

        return _store.Current is { } current && File.Exists(current) ? current : _options.Builtin;
    }

    /// <summary>The sha256 of a pack file in the store, or null for the built-in pack or a --pack file.</summary>
    private string? StoreSha(string path) =>
        string.IsNullOrEmpty(_options.Pack) && _store.CurrentSha is { } sha && path == _store.PackFile(sha) ? sha : null;

    private (LoadedPack? Pack, string Problems) Load(string path)
    {
        var preload = Interlocked.Exchange(ref _preload, null);
        var (pack, problems) = preload is not null && preload.TryTake(path, out var read) ? read : ReadAndVerify(path);
        if (pack is not null)
        {
            _origins.AddOrUpdate(pack, Origin(path));
        }

        return (pack, problems);
    }

    /// <summary>Reads a pack file and verifies it (checksums, schema, fonts); the problems escaped for a log line.</summary>
    internal static (LoadedPack? Pack, string Problems) ReadAndVerify(string path)
    {
        try
        {
            var pack = PackReader.Read(path);
            var diagnostics = new DiagnosticBag();
            PackVerifier.Check(pack, path, seedsDir: null, diagnostics);
            if (diagnostics.HasErrors)
            {
                return (null, SafeText.Escape(string.Join("; ", diagnostics.Items.Select(d => d.ToString()))));
            }

            return (pack, string.Empty);
        }
        catch (ContentException ex)
        {
            return (null, SafeText.Escape(string.Join("; ", ex.Diagnostics.Select(d => d.ToString()))));
        }
    }

    private PackOrigin Origin(string path)
    {
        // The built-in pack is the built-in source even when a --pack file was asked for and gave way to it.
        string source = path == _options.Builtin ? PackOrigin.Builtin
            : !string.IsNullOrEmpty(_options.Pack) ? PackOrigin.File
            : PackOrigin.Store;
        if (StoreSha(path) is { } sha)
        {
            // The store names each pack file by its sha256 (checked at install); no need to read it again.
            return new PackOrigin(path, sha, source);
        }

        using var stream = File.OpenRead(path);
        return new PackOrigin(path, Convert.ToHexStringLower(SHA256.HashData(stream)), source);
    }

    private static (string, long, DateTime) Identity(string path) => PackFileIdentity.Of(path);

    /// <summary>A pack on trial: its store sha, the loaded pack (null when it never loaded) and when the trial began.</summary>
    private sealed record Trial(string Sha256, LoadedPack? Pack, long Started);
}
