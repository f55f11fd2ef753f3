namespace Kiosk.Host.Packs;

/// <summary>
/// Whether the store holds a pack committed or on trial. Today every pack the store installs is committed at once
/// (installs switch <c>current</c> only after full verification). This is the one place that will ask the
/// store for trial/bad states once the health-gated commit lands; status, reports and rollouts read it here.
/// </summary>
public static class PackCommitState
{
    public const string Committed = "committed";
    public const string Trial = "trial";

    /// <summary>The state of a pack that was shown from <paramref name="origin"/>.</summary>
    public static string Of(PackOrigin origin) => Committed;

    /// <summary>The state of an installed pack, as the store records it.</summary>
    public static string Of(InstalledPack pack) => Committed;
}
