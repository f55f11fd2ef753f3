using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kiosk.Host.Tests.Push;

/// <summary>
/// A real sshd on 127.0.0.1 (or ::1) with its own host key and config, logging in the current user only with the keys
/// in its own authorized_keys file. Runs in the foreground (-D) as a child, so disposing it stops it.
/// </summary>
internal sealed class SshServer : IDisposable
{
    private const int Attempts = 3;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Lock _gate = new();

    /// <param name="address">The loopback address to listen on: 127.0.0.1, or ::1 for the IPv6 paths.</param>
    public SshServer(string dir, string authorizedKeys, IPAddress? address = null)
    {
        Directory.CreateDirectory(dir);
        Dir = dir;
        Address = address ?? IPAddress.Loopback;
        SshTools.NewKey(Path.Combine(dir, "host_ed25519"), "kiosk-test-host");
        AuthorizedKeysFile = Path.Combine(dir, "authorized_keys");
        File.WriteAllText(AuthorizedKeysFile, authorizedKeys);
        if (Environment.IsPrivilegedProcess)
        {
            // sshd running as root drops privileges into this empty folder; Debian's init script makes it.
            Directory.CreateDirectory("/run/sshd");
        }

        for (int attempt = 1; ; attempt++)
        {
            Port = FreePort(Address);
            File.WriteAllText(ConfigFile, Config());
            _process = StartSshd();
            if (WaitUntilListening())
            {
                return;
            }

            // Another program took the port between our probe and sshd's bind: try another one.
            Stop();
            _process.Dispose();
            if (attempt == Attempts)
            {
                throw new InvalidOperationException($"sshd did not start on {Address} after {Attempts} attempts; its log:\n{Log}");
            }
        }
    }

    public string Dir { get; }

    public int Port { get; private set; }

    public IPAddress Address { get; }

    /// <summary>The listening sshd; the sessions it forks are its children (the fleet benchmark reads their CPU).</summary>
    public int ProcessId => _process.Id;

    public string AuthorizedKeysFile { get; }

    /// <summary>What sshd printed (-e: to stderr); shown in failing assertions.</summary>
    public string Log
    {
        get
        {
            lock (_gate)
            {
                return _log.ToString();
            }
        }
    }

    private string ConfigFile => Path.Combine(Dir, "sshd_config");

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }

    private string Config() => $"""
        ListenAddress {Address}
        Port {Port}
        HostKey {Path.Combine(Dir, "host_ed25519")}
        PidFile {Path.Combine(Dir, "sshd.pid")}
        AuthorizedKeysFile {AuthorizedKeysFile}
        AllowUsers {Environment.UserName}
        StrictModes no
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PermitRootLogin prohibit-password
        UsePAM no
        PrintMotd no
        PrintLastLog no
        LogLevel VERBOSE
        # A clean home for the sessions, as a kiosk account has: this machine's root ~/.bashrc (which bash sources
        # for every ssh command) runs pyenv and took 0.2 s of CPU per session, half of a fleet gather's cost.
        SetEnv HOME={Dir}

        """;

    private Process StartSshd()
    {
        var start = new ProcessStartInfo(SshTools.Sshd) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { "-D", "-e", "-f", ConfigFile })
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private bool WaitUntilListening()
    {
        var limit = Stopwatch.StartNew();
        while (limit.Elapsed < StartLimit)
        {
            if (Log.Contains($"Server listening on {Address} port {Port}", StringComparison.Ordinal))
            {
                return true;
            }

            if (_process.HasExited)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return false;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log.AppendLine(line);
        }
    }

    private void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    private static int FreePort(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
