namespace Kiosk.Host.Packs;

/// <summary>The pack named by <c>--pack</c> (or <c>Kiosk:Pack</c>) cannot be shown: a settings error, reported in one line.</summary>
public sealed class PackRefusedException(string path, IReadOnlyList<string> problems)
    : Exception($"{path}: refused: {string.Join("; ", problems)}")
{
    public string PackPath { get; } = path;
}
