namespace Kiosk.Host.Tests.Push;

/// <summary>The real OpenSSH programs the push tests drive; missing ones fail the tests with the fix.</summary>
internal static class SshTools
{
    public const string Sshd = "/usr/sbin/sshd";

    private const string Fix = "deploy/setup.sh installs openssh-server and openssh-client (run it, or: apt-get install openssh-server openssh-client)";

    public static string Ssh => ChildProcess.Which("ssh") ?? throw new InvalidOperationException($"ssh not found on PATH: {Fix}");

    public static string Keygen => ChildProcess.Which("ssh-keygen") ?? throw new InvalidOperationException($"ssh-keygen not found on PATH: {Fix}");

    public static void RequireSshd()
    {
        if (!File.Exists(Sshd))
        {
            throw new InvalidOperationException($"{Sshd} is missing: the push tests need a real sshd; {Fix}");
        }
    }

    /// <summary>Makes an ed25519 key pair without a passphrase; returns the public key line.</summary>
    public static string NewKey(string path, string comment)
    {
        var made = ChildProcess.Run(Keygen, ["-q", "-t", "ed25519", "-N", string.Empty, "-C", comment, "-f", path]);
        Assert.True(made.ExitCode == 0, $"ssh-keygen failed: {made}");
        return File.ReadAllText(path + ".pub").Trim();
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on (an offline host), as the system just gave it out.</summary>
    public static int ClosedPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
