namespace Kiosk.Host.Push;

/// <summary>What to push and how to reach the hosts; the same for every host of one push.</summary>
public sealed record PushRequest(string PackPath, long PackBytes, string PackSha256, string Ssh, IReadOnlyList<string> SshOptions);
