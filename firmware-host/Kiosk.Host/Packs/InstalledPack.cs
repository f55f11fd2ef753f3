namespace Kiosk.Host.Packs;

/// <summary>One pack in the store, as <c>kiosk pack list</c> shows it.</summary>
public sealed record InstalledPack(
    string Sha256,
    string Id,
    string Version,
    DateTimeOffset Installed,
    long Sequence,
    string PackPath,
    bool IsCurrent);
