using System.Globalization;

namespace Kiosk.Host.Push;

/// <summary>
/// The arguments for the user's own OpenSSH client, so their ~/.ssh/config, agent, known_hosts and ProxyJump
/// all apply. ssh keeps the FIRST value it sees for an option, which decides the order below.
/// </summary>
public static class SshCommandLine
{
    /// <summary>What is sent as the remote command. A content key's forced command replaces it anyway; it is
    /// there so a key without one still runs the receiving side.</summary>
    public const string RemoteCommand = "kiosk pack receive";

    /// <summary>First, so no config file or --ssh-option can turn it off: a password or passphrase prompt
    /// would hang a push that nobody is watching.</summary>
    private static readonly string[] Fixed = ["-T", "-o", "BatchMode=yes"];

    /// <summary>After the user's options, so theirs win: fail a dead link instead of waiting forever.</summary>
    private static readonly string[] Defaults = ["-o", "ConnectTimeout=20", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4"];

    public static IReadOnlyList<string> For(PushTarget target, IReadOnlyList<string> sshOptions) =>
        For(target, sshOptions, RemoteCommand);

    /// <summary>The same, with another remote command (<c>status --json</c>: the content key's status answer).</summary>
    public static IReadOnlyList<string> For(PushTarget target, IReadOnlyList<string> sshOptions, string remoteCommand)
    {
        var args = new List<string>(Fixed);
        foreach (string option in sshOptions)
        {
            args.Add("-o");
            args.Add(option);
        }

        args.AddRange(Defaults);
        if (target.Port is { } port)
        {
            args.Add("-p");
            args.Add(port.ToString(CultureInfo.InvariantCulture));
        }

        args.Add(target.Destination);
        args.Add(remoteCommand);
        return args;
    }
}
