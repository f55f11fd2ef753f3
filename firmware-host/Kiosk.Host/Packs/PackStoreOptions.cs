namespace Kiosk.Host.Packs;

/// <summary>Where installed packs live and what the store accepts.</summary>
public sealed record PackStoreOptions
{
    public string Root { get; init; } = "/var/lib/kiosk/packs";

    /// <summary>How many installed packs to keep; the current pack and the one before it are kept regardless.</summary>
    public int Keep { get; init; } = 3;

    public long MaxPackBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>When this folder holds any <c>*.pub</c>, only packs signed by one of those keys are installed.</summary>
    public string TrustedKeysDir { get; init; } = "/etc/kiosk/trusted-keys";
}
