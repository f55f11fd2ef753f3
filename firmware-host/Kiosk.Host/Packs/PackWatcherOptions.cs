namespace Kiosk.Host.Packs;

/// <summary>What the pack watcher needs from the settings (<c>Kiosk:Pack</c>, <c>Kiosk:Store</c>, <c>Kiosk:PackPollInterval</c>).</summary>
public sealed class PackWatcherOptions
{
    /// <summary>A pack file to show; when empty, the store's current pack, else the built-in pack.</summary>
    public string? Pack { get; set; }

    /// <summary>The pack store watched for installs and rollbacks.</summary>
    public string Store { get; set; } = "/var/lib/kiosk/packs";

    /// <summary>How often the pack file or store link is checked for a new pack.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
