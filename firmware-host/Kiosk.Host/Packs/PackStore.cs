using Kiosk.Content.Packing;

namespace Kiosk.Host.Packs;

/// <summary>
/// Installed packs on the device and which one is current. An install is staged, flushed and fully verified
/// before anything visible changes; the switch is one <c>rename(2)</c> of the <c>current</c> symlink. So a
/// refused, failed or killed install leaves <c>current</c> on the pack it had, and the screen never goes dark.
/// A new current pack is on trial until the running kiosk has it on the glass; then the kiosk moves
/// <c>committed</c> to it (<see cref="Commit"/>). A pack that fails on the device is marked bad and
/// <c>current</c> goes back to <c>committed</c> (<see cref="Revert"/>).
/// </summary>
public sealed class PackStore
{
    private readonly PackStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<string>? _onStep;
    private readonly StoreLayout _layout;
    private readonly StoreLink _current;
    private readonly StoreLink _committed;

    /// <param name="onStep">Called with each <see cref="InstallSteps"/> name as an install reaches it; an exception
    /// thrown from it aborts the install there, as a crash would.</param>
    public PackStore(PackStoreOptions options, TimeProvider time, Action<string>? onStep = null)
    {
        _options = options;
        _time = time;
        _onStep = onStep;
        _layout = new StoreLayout(options.Root);
        _current = new StoreLink(_layout, StoreLayout.CurrentName);
        _committed = new StoreLink(_layout, StoreLayout.CommittedName);
    }

    public string Root => _layout.Root;

    /// <summary>Full path of the current pack file, resolved through the link, or null when nothing is installed.</summary>
    public string? Current => _current.Target() is { } sha ? _layout.PackFile(sha) : null;

    /// <summary>The sha256 of the current pack, or null.</summary>
    public string? CurrentSha => _current.Target();

    /// <summary>The sha256 of the last pack that proved itself on the glass, or null.</summary>
    public string? CommittedSha => _committed.Target();

    /// <summary>The trial the running kiosk started and has not yet ended, if any.</summary>
    internal TrialRecord? Trial => TrialRecord.TryRead(_layout.Root);

    public string PackFile(string sha256) => _layout.PackFile(sha256);

    /// <summary>Installed packs, newest install first.</summary>
    public IReadOnlyList<InstalledPack> List()
    {
        if (!Directory.Exists(_layout.Root))
        {
            return [];
        }

        string? current = _current.Target();
        string? committed = _committed.Target();
        var packs = new List<InstalledPack>();
        foreach (string dir in Directory.EnumerateDirectories(_layout.Root))
        {
            string name = Path.GetFileName(dir);
            if (!StoreLayout.IsPackDirName(name) || !File.Exists(_layout.PackFile(name)) || InstallRecord.TryRead(dir) is not { } record)
            {
                continue;
            }

            packs.Add(new InstalledPack(name, record.PackId, record.Version, record.Installed, record.Sequence, _layout.PackFile(name), name == current)
            {
                IsCommitted = name == committed,
                BadReason = BadMark.TryRead(dir)?.Reason,
                Signer = record.Signer,
            });
        }

        return packs.OrderByDescending(p => p.Sequence).ThenBy(p => p.Sha256, StringComparer.Ordinal).ToList();
    }

    public PackStoreResult Install(string packPath)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(packPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return PackStoreResult.Refused($"{packPath}: cannot be read ({ex.Message})");
        }

        using (stream)
        {
            return Install(stream, packPath);
        }
    }

    /// <summary>Installs a pack read from <paramref name="source"/> (a file, or stdin over SSH) and makes it current.</summary>
    public PackStoreResult Install(Stream source, string displayName)
    {
        Directory.CreateDirectory(_layout.Root);
        using var held = StoreLock.TryAcquire(_layout);
        if (held is null)
        {
            return PackStoreResult.Refused($"{_layout.Root}: another install or rollback is running");
        }

        CleanLeftovers();
        string staging = _layout.NewStagingDir();
        Directory.CreateDirectory(staging);
        try
        {
            return InstallStaged(source, displayName, staging);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Makes the pack installed before the current one current again.</summary>
    public PackStoreResult Rollback()
    {
        if (!Directory.Exists(_layout.Root))
        {
            return PackStoreResult.Refused($"{_layout.Root}: no packs installed");
        }

        using var held = StoreLock.TryAcquire(_layout);
        if (held is null)
        {
            return PackStoreResult.Refused($"{_layout.Root}: another install or rollback is running");
        }

        var packs = List();
        var current = packs.FirstOrDefault(p => p.IsCurrent);
        if (current is null)
        {
            return PackStoreResult.Refused($"{_layout.Root}: no current pack to roll back from");
        }

        var previous = Previous(packs, current);
        if (previous is null)
        {
            return PackStoreResult.Refused($"{_layout.Root}: {current.Id} {current.Version} is the oldest installed pack; nothing to roll back to");
        }

        _current.SwitchTo(previous.Sha256);
        return new PackStoreResult(previous with { IsCurrent = true }, []);
    }

    private PackStoreResult InstallStaged(Stream source, string displayName, string staging)
    {
        string stagedPack = Path.Combine(staging, StoreLayout.PackFileName);
        BoundedCopy.Copied copied;
        using (var file = new FileStream(stagedPack, FileMode.CreateNew, FileAccess.Write))
        {
            try
            {
                copied = BoundedCopy.Copy(source is FileStream ? source : new IdleTimeoutStream(source, _options.ReadIdleTimeout), file, _options.MaxPackBytes);
            }
            catch (IOException ex)
            {
                // A stalled or broken stream: refused, and the caller's finally removes the staging and the lock.
                return PackStoreResult.Refused($"{displayName}: {ex.Message}");
            }
            if (copied.TooLarge)
            {
                return PackStoreResult.Refused($"{displayName}: too large: more than {_options.MaxPackBytes:N0} bytes (the store's limit)");
            }

            Step(InstallSteps.Staged);
            file.Flush(flushToDisk: true);
        }

        Posix.FsyncDirectory(staging);
        Step(InstallSteps.Fsynced);

        var check = StagedPackCheck.Run(stagedPack, displayName, _options);
        if (check.Pack is null)
        {
            return PackStoreResult.Refused(check.Problems);
        }

        string sha = copied.Sha256;
        if (!_options.AllowDowngrade && Downgrade(check.Pack.Manifest, check.Signer, sha) is { } newer)
        {
            return PackStoreResult.Refused($"{displayName}: refused: version {check.Pack.Manifest.Version} is not newer than {newer.PackId} {newer.Version} "
                + $"already {(newer.FromMark ? "shown on this device (the store's high-water mark)" : "installed")} from the same {(check.Signer is null ? "pack id (unsigned)" : $"signer {check.Signer}")}; "
                + "to go back use 'kiosk pack rollback', or install with --allow-downgrade");
        }

        Step(InstallSteps.Verified);

        var record = new InstallRecord(sha, check.Pack.Manifest.Id, check.Pack.Manifest.Version, _time.GetUtcNow(), NextSequence(), check.Signer);
        string target = _layout.PackDir(sha);
        if (Directory.Exists(target) && File.Exists(_layout.PackFile(sha)))
        {
            // The same bytes are already installed (a re-install, or one killed before its switch): restamp them
            // so they count as the newest install, and rollback returns to what was current before. Installing
            // it again is the operator asking for another trial, so a bad mark goes.
            record.Write(target);
            AtomicFile.Delete(Path.Combine(target, BadMark.FileName));
        }
        else
        {
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            record.Write(staging);
            Directory.Move(staging, target);
            Posix.FsyncDirectory(_layout.Root);
        }

        Step(InstallSteps.Moved);

        _current.SwitchTo(sha);
        Step(InstallSteps.Linked);

        Prune();
        Step(InstallSteps.Pruned);

        var installed = List().First(p => p.Sha256 == sha);
        return new PackStoreResult(installed, []);
    }

    /// <summary>
    /// What the kiosk does at start, before it picks a pack: removes what a killed install left in staging, and
    /// reverts a trial that a power cut or restart interrupted (the pack never proved itself, so it is marked bad
    /// and <c>current</c> goes back to <c>committed</c>). Returns the pack it reverted (marked bad), or null; does
    /// nothing while an install holds the store.
    /// </summary>
    public InstalledPack? RecoverAtStart()
    {
        if (!Directory.Exists(_layout.Root))
        {
            return null;
        }

        using var held = StoreLock.TryAcquire(_layout);
        if (held is null)
        {
            return null;
        }

        CleanLeftovers();
        if (TrialRecord.TryRead(_layout.Root) is not { } trial)
        {
            return null;
        }

        if (_current.Target() == trial.Sha256 && _committed.Target() != trial.Sha256)
        {
            RevertHeld(trial.Sha256, $"its trial was interrupted (power cut or restart) before it was shown, {Format(trial.Started)}");
            return List().FirstOrDefault(p => p.Sha256 == trial.Sha256);
        }

        TrialRecord.Clear(_layout.Root);
        return null;
    }

    /// <summary>Records that the running kiosk is now trying <paramref name="sha256"/> (persisted, so a power cut is noticed).</summary>
    public void BeginTrial(string sha256) => new TrialRecord(sha256, _time.GetUtcNow()).Write(_layout.Root);

    /// <summary>
    /// The pack proved itself on the glass: <c>committed</c> moves to it and the trial ends. False when the store
    /// is busy (an install is running; the caller tries again) or <c>current</c> has moved on meanwhile.
    /// </summary>
    public bool Commit(string sha256)
    {
        using var held = StoreLock.TryAcquire(_layout);
        if (held is null)
        {
            return false;
        }

        if (_current.Target() == sha256)
        {
            _committed.SwitchTo(sha256);
            if (List().FirstOrDefault(p => p.Sha256 == sha256) is { } proved)
            {
                HighWaterMarks.Raise(_layout.Root, proved);
            }
        }

        if (TrialRecord.TryRead(_layout.Root)?.Sha256 == sha256)
        {
            TrialRecord.Clear(_layout.Root);
        }

        return true;
    }

    /// <summary>
    /// The pack failed on the device: it is marked bad and, if it is current, <c>current</c> goes back to the last
    /// committed pack (or to the newest good one, or is removed so the built-in pack shows). Returns the pack now
    /// current, or null; false from <paramref name="done"/> when the store was busy.
    /// </summary>
    public InstalledPack? Revert(string sha256, string reason, out bool done)
    {
        using var held = StoreLock.TryAcquire(_layout);
        done = held is not null;
        return held is null ? null : RevertHeld(sha256, reason);
    }

    private InstalledPack? RevertHeld(string sha256, string reason)
    {
        if (Directory.Exists(_layout.PackDir(sha256)))
        {
            new BadMark(reason, _time.GetUtcNow()).Write(_layout.PackDir(sha256));
        }

        var packs = List();
        if (_current.Target() == sha256)
        {
            var back = packs.FirstOrDefault(p => p.IsCommitted && !p.IsBad)
                ?? packs.Where(p => !p.IsBad).MaxBy(p => p.Sequence);
            if (back is null)
            {
                _current.Remove();
            }
            else
            {
                _current.SwitchTo(back.Sha256);
            }
        }

        if (TrialRecord.TryRead(_layout.Root)?.Sha256 == sha256)
        {
            TrialRecord.Clear(_layout.Root);
        }

        return List().FirstOrDefault(p => p.IsCurrent);
    }

    /// <summary>
    /// The newest pack of the same signer (unsigned: the same pack id) that <paramref name="manifest"/> does not
    /// outrank, or null: among the good packs still in the store, and the store's high-water mark (the newest ever
    /// committed, which survives pruning). <c>FromMark</c> says the mark was the higher.
    /// </summary>
    private (string PackId, string Version, bool FromMark)? Downgrade(PackManifest manifest, string? signer, string sha256)
    {
        if (!PackVersion.TryParse(manifest.Version, out var incoming))
        {
            return null;
        }

        // Signed packs are ranked per signer (a replayed old pack of any id is refused); unsigned ones per pack id.
        var same = List().Where(p => !p.IsBad && (signer is null ? p.Signer is null && p.Id == manifest.Id : p.Signer == signer))
            .Select(p => (p.Id, p.Version, p.Sha256, FromMark: false));
        var mark = HighWaterMarks.Read(_layout.Root).For(signer, manifest.Id);
        var ranked = mark is null ? same : same.Append((mark.PackId, mark.Version, mark.Sha256, FromMark: true));
        (string Id, string Version, string Sha256, bool FromMark)? newest = null;
        PackVersion? best = null;
        foreach (var p in ranked)
        {
            if (PackVersion.TryParse(p.Version, out var v) && (best is null || v.CompareTo(best) > 0))
            {
                (newest, best) = (p, v);
            }
        }

        if (newest is not { } n || best is null)
        {
            return null;
        }

        int c = incoming.CompareTo(best);
        // The same bytes again (a retried push) are not a downgrade.
        return c < 0 || (c == 0 && n.Sha256 != sha256) ? (n.Id, n.Version, n.FromMark) : null;
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Drops packs beyond the newest <see cref="PackStoreOptions.Keep"/>, but never the current pack nor the one
    /// rollback would return to. A folder is renamed into staging before it is deleted, so a crash mid-delete
    /// never leaves a half-removed pack that looks installed.
    /// </summary>
    private void Prune()
    {
        var packs = List();
        var keep = packs.Take(Math.Max(1, _options.Keep)).Select(p => p.Sha256).ToHashSet(StringComparer.Ordinal);
        if (packs.FirstOrDefault(p => p.IsCurrent) is { } current)
        {
            keep.Add(current.Sha256);
            if (Previous(packs, current) is { } previous)
            {
                keep.Add(previous.Sha256);
            }
        }

        if (packs.FirstOrDefault(p => p.IsCommitted) is { } committed)
        {
            keep.Add(committed.Sha256);
        }

        foreach (var pack in packs.Where(p => !keep.Contains(p.Sha256)))
        {
            string doomed = _layout.NewStagingDir();
            Directory.Move(_layout.PackDir(pack.Sha256), doomed);
            Directory.Delete(doomed, recursive: true);
        }
    }

    /// <summary>The newest install before <paramref name="current"/> that has not failed on the device.</summary>
    private static InstalledPack? Previous(IReadOnlyList<InstalledPack> packs, InstalledPack current) =>
        packs.Where(p => p.Sequence < current.Sequence && !p.IsBad).MaxBy(p => p.Sequence);

    private long NextSequence() => List().Select(p => p.Sequence).DefaultIfEmpty(0).Max() + 1;

    /// <summary>Removes what a killed install left behind; safe because the caller holds the store lock.</summary>
    private void CleanLeftovers()
    {
        if (Directory.Exists(_layout.Staging))
        {
            foreach (string dir in Directory.EnumerateDirectories(_layout.Staging))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        else
        {
            Directory.CreateDirectory(_layout.Staging);
        }

        foreach (string link in _layout.LeftoverTempLinks())
        {
            File.Delete(link);
        }
    }

    private void Step(string step) => _onStep?.Invoke(step);
}
