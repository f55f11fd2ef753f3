using Kiosk.Content.Model;

namespace Kiosk.Content.Packing;

/// <summary>A pack read and checked: its manifest, its cases and its fonts by role.</summary>
public sealed record LoadedPack(PackManifest Manifest, PackContent Content, IReadOnlyDictionary<string, byte[]> Fonts, byte[] ManifestBytes, byte[]? Signature);
