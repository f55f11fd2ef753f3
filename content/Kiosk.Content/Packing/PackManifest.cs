namespace Kiosk.Content.Packing;

/// <summary>The first entry of every pack: who it is and a checksum for every other entry.</summary>
public sealed record PackManifest(
    int Format,
    string Id,
    string Version,
    string Title,
    DateTimeOffset Created,
    IReadOnlyList<PackEntry> Entries);

public sealed record PackEntry(string Path, long Size, string Sha256);
