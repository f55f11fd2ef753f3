namespace Kiosk.Host.Packs;

/// <summary>Where a shown pack came from: its file, the sha256 of that file, and the source that chose it.</summary>
/// <param name="Source"><see cref="Store"/>, <see cref="File"/> (Kiosk:Pack / --pack) or <see cref="Builtin"/>.</param>
public sealed record PackOrigin(string Path, string Sha256, string Source)
{
    public const string Store = "store";
    public const string File = "file";
    public const string Builtin = "builtin";
}
