namespace Kiosk.Host.Push;

/// <summary>How one host's push ended.</summary>
public enum PushOutcome
{
    /// <summary>The kiosk installed the pack and made it current.</summary>
    Ok,

    /// <summary>The kiosk read the pack and refused it; its current pack is unchanged.</summary>
    Refused,

    /// <summary>No answer from the kiosk: ssh could not connect or log in, or the link broke.</summary>
    Failed,
}
