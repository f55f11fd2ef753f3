using Kiosk.Content.Packing;

namespace Kiosk.Host.Packs;

/// <summary>
/// Installed packs on the device and which one is current. An install is staged, flushed and fully verified
/// before anything visible changes; the switch is one <c>rename(2)</c> of the <c>current</c> symlink. So a
/// refused, failed or killed install leaves <c>current</c> on the pack it had, and the screen never goes dark.
/// </summary>
public sealed class PackStore
{
    private readonly PackStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<string>? _onStep;
    private readonly StoreLayout _layout;
    private readonly CurrentLink _current;

    /// <param name="onStep">Called with each <see cref="InstallSteps"/> name as an install reaches it; an exception
    /// thrown from it aborts the install there, as a crash would.</param>
    public PackStore(PackStoreOptions options, TimeProvider time, Action<string>? onStep = null)
    {
        _options = options;
        _time = time;
        _onStep = onStep;
        _layout = new StoreLayout(options.Root);
        _current = new CurrentLink(_layout);
    }

    public string Root => _layout.Root;

    /// <summary>Full path of the current pack file, resolved through the link, or null when nothing is installed.</summary>
    public string? Current => _current.Target() is { } sha ? _layout.PackFile(sha) : null;

    /// <summary>Installed packs, newest install first.</summary>
    public IReadOnlyList<InstalledPack> List()
    {
        if (!Directory.Exists(_layout.Root))
        {
            return [];
        }

        string? current = _current.Target();
        var packs = new List<InstalledPack>();
        foreach (string dir in Directory.EnumerateDirectories(_layout.Root))
        {
            string name = Path.GetFileName(dir);
            if (!StoreLayout.IsPackDirName(name) || !File.Exists(_layout.PackFile(name)) || InstallRecord.TryRead(dir) is not { } record)
            {
                continue;
            }

            packs.Add(new InstalledPack(name, record.PackId, record.Version, record.Installed, record.Sequence, _layout.PackFile(name), name == current));
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
            copied = BoundedCopy.Copy(source, file, _options.MaxPackBytes);
            if (copied.TooLarge)
            {
                return PackStoreResult.Refused($"{displayName}: too large: more than {_options.MaxPackBytes:N0} bytes (the store's limit)");
            }

            Step(InstallSteps.Staged);
            file.Flush(flushToDisk: true);
        }

        Posix.FsyncDirectory(staging);
        Step(InstallSteps.Fsynced);

        var check = StagedPackCheck.Run(stagedPack, displayName, _options.TrustedKeysDir);
        if (check.Pack is null)
        {
            return PackStoreResult.Refused(check.Problems);
        }

        Step(InstallSteps.Verified);

        string sha = copied.Sha256;
        var record = new InstallRecord(sha, check.Pack.Manifest.Id, check.Pack.Manifest.Version, _time.GetUtcNow(), NextSequence());
        string target = _layout.PackDir(sha);
        if (Directory.Exists(target) && File.Exists(_layout.PackFile(sha)))
        {
            // The same bytes are already installed (a re-install, or one killed before its switch): restamp them
            // so they count as the newest install, and rollback returns to what was current before.
            record.Write(target);
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

        foreach (var pack in packs.Where(p => !keep.Contains(p.Sha256)))
        {
            string doomed = _layout.NewStagingDir();
            Directory.Move(_layout.PackDir(pack.Sha256), doomed);
            Directory.Delete(doomed, recursive: true);
        }
    }

    private static InstalledPack? Previous(IReadOnlyList<InstalledPack> packs, InstalledPack current) =>
        packs.Where(p => p.Sequence < current.Sequence).MaxBy(p => p.Sequence);

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
