namespace Kiosk.Host.Packs;

/// <summary>Where installed packs live and what the store accepts.</summary>
public sealed record PackStoreOptions
{
    public string Root { get; init; } = "/var/lib/kiosk/packs";

    /// <summary>How many installed packs to keep; the current pack and the one before it are kept regardless.</summary>
    public int Keep { get; init; } = 3;

    public long MaxPackBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Packs must be signed by one of the <c>*.pub</c> keys in this folder (unless <see cref="AllowUnsigned"/>).</summary>
    public string TrustedKeysDir { get; init; } = "/etc/kiosk/trusted-keys";

    /// <summary>
    /// Accept unsigned packs (and, with no trusted keys, any signature). Off by default, so a device with no keys
    /// refuses every pack instead of installing anything: signing fails closed.
    /// </summary>
    public bool AllowUnsigned { get; init; }

    /// <summary>Install a pack whose version is not newer than the newest installed one from the same signer.</summary>
    public bool AllowDowngrade { get; init; }

    /// <summary>A pack read from a stream (receive) that sends nothing for this long is refused and the lock released.</summary>
    public TimeSpan ReadIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
