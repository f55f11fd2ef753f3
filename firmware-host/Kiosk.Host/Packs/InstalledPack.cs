namespace Kiosk.Host.Packs;

/// <summary>One pack in the store, as <c>kiosk pack list</c> shows it.</summary>
public sealed record InstalledPack(
    string Sha256,
    string Id,
    string Version,
    DateTimeOffset Installed,
    long Sequence,
    string PackPath,
    bool IsCurrent)
{
    /// <summary>It proved itself on the glass last: a failed trial returns here.</summary>
    public bool IsCommitted { get; init; }

    /// <summary>Why the kiosk refused it on the device, when it did (it is then never shown again until reinstalled).</summary>
    public string? BadReason { get; init; }

    /// <summary>The key id that signed it, or null for an unsigned pack.</summary>
    public string? Signer { get; init; }

    public bool IsBad => BadReason is not null;

    /// <summary>Current but not yet committed: the kiosk is trying it, or will at its next start.</summary>
    public bool IsTrial => IsCurrent && !IsCommitted && !IsBad;

    /// <summary>committed, trial, bad or installed (an older pack, kept for rollback).</summary>
    public string State => IsBad ? "bad" : IsCommitted ? "committed" : IsTrial ? "trial" : "installed";
}
