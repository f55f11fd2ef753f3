namespace Kiosk.Host.Packs;

/// <summary>What an install or rollback did: the pack now current, or every reason it was refused.</summary>
public sealed record PackStoreResult(InstalledPack? Pack, IReadOnlyList<string> Problems)
{
    public bool Ok => Pack is not null && Problems.Count == 0;

    public static PackStoreResult Refused(params IEnumerable<string> problems) => new(null, problems.ToList());
}
