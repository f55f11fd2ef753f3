using Kiosk.Content.Packing;

namespace Kiosk.Host.Packs;

/// <summary>
/// <c>high-water.json</c> at the store's root: per signer (key id), and per pack id for packs accepted unsigned,
/// the newest version that proved itself on this device (was committed). The downgrade rule ranks a new pack
/// against it as well as against the packs still in the store, so an old pack replayed after the newer ones were
/// pruned is still refused. Raised at commit, not at install: a pack that fails its trial (marked bad) must not
/// block going back to the version before it. Never lowered: <c>--allow-downgrade</c> installs below it, and
/// the mark stays where it was.
/// </summary>
internal sealed record HighWaterMarks(Dictionary<string, HighWaterMark> Signers, Dictionary<string, HighWaterMark> Unsigned)
{
    public const string FileName = "high-water.json";

    /// <summary>The marks of a store; none when the file is absent (a store from before this file: the packs still in it rank alone).</summary>
    public static HighWaterMarks Read(string root) =>
        StoreJson.TryRead<HighWaterMarks>(Path.Combine(root, FileName)) ?? new HighWaterMarks([], []);

    /// <summary>The mark for packs from <paramref name="signer"/>, or (unsigned) with this pack id.</summary>
    public HighWaterMark? For(string? signer, string packId) =>
        (signer is null ? Unsigned : Signers).GetValueOrDefault(signer ?? packId);

    /// <summary>Raises the mark to a committed pack when its version is higher (or there is none) and writes the file.</summary>
    public static void Raise(string root, InstalledPack pack)
    {
        if (!PackVersion.TryParse(pack.Version, out var version))
        {
            return;
        }

        var marks = Read(root);
        if (marks.For(pack.Signer, pack.Id) is { } mark && PackVersion.TryParse(mark.Version, out var old) && old.CompareTo(version) >= 0)
        {
            return;
        }

        (pack.Signer is null ? marks.Unsigned : marks.Signers)[pack.Signer ?? pack.Id] = new HighWaterMark(pack.Id, pack.Version, pack.Sha256);
        StoreJson.Write(Path.Combine(root, FileName), marks);
    }
}

/// <summary>The newest committed pack of one signer (or unsigned pack id).</summary>
internal sealed record HighWaterMark(string PackId, string Version, string Sha256);
