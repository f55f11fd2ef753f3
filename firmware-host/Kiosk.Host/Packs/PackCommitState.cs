namespace Kiosk.Host.Packs;

/// <summary>
/// Whether a pack is committed or on trial, read from the store's own trial state (the <c>committed</c> link the
/// health-gated commit moves: <see cref="PackWatcher.Confirm"/>). Status, reports and rollouts all ask here, so
/// there is one mechanism and one answer.
/// </summary>
public static class PackCommitState
{
    public const string Committed = "committed";
    public const string Trial = "trial";

    /// <summary>The state of a pack shown from <paramref name="origin"/>: a store pack is on trial until committed.</summary>
    public static string Of(PackOrigin origin, PackStore store) =>
        origin.Source == PackOrigin.Store && store.CommittedSha != origin.Sha256 ? Trial : Committed;

    /// <summary>The state of an installed pack, as the store records it: the current pack is on trial until committed.</summary>
    public static string Of(InstalledPack pack) => pack.IsCurrent && !pack.IsCommitted ? Trial : Committed;
}
