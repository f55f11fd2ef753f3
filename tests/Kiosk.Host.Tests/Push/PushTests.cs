using System.Text.Json;
using Kiosk.Content.Signing;
using Kiosk.Host.Cli;
using Kiosk.Host.Packs;
using Kiosk.Host.Tests.Packs;

namespace Kiosk.Host.Tests.Push;

/// <summary>
/// <c>kiosk push</c> against real sshd and the real ssh client, with the content key's forced command running
/// the built kiosk. Every refusal must leave the kiosk's current pack as it was.
/// </summary>
public sealed class PushTests : IClassFixture<SshdFixture>, IClassFixture<TestPacks>, IDisposable
{
    private readonly SshdFixture _ssh;
    private readonly TestPacks _packs;
    private readonly TempDir _dir = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public PushTests(SshdFixture ssh, TestPacks packs)
    {
        _ssh = ssh;
        _packs = packs;
        ssh.A.Reset();
        ssh.B.Reset();
    }

    public void Dispose()
    {
        _dir.Dispose();
        _out.Dispose();
        _err.Dispose();
    }

    [Fact]
    public void A_good_pack_is_installed_and_becomes_current()
    {
        Preinstall(_ssh.A, _packs.Pack("1.0.0"));
        string pack = _packs.Pack("1.1.0");

        int exit = Push(pack, _ssh.A.Address);

        Assert.True(exit == ExitCodes.Ok, Explain());
        Assert.Equal(PackStoreTests.Sha256Of(pack), _ssh.A.Current);
        string[] row = TableRow(_ssh.A.Address);
        Assert.Equal(["ok", "store-test-pack", "1.1.0"], row[1..4]);
        Assert.Contains("1 of 1 host(s) installed the pack", _out.ToString());
        long size = new FileInfo(pack).Length;
        Assert.Contains($"{_ssh.A.Address}: sent {size:N0} of {size:N0} bytes (100%)", _err.ToString());
    }

    public static TheoryData<string, bool, string> BadPacks => new()
    {
        { "corrupt", false, "sha256" },
        { "truncated", true, "not a readable zip archive" },
        { "oversized", false, "too large" },
    };

    [Theory]
    [MemberData(nameof(BadPacks))]
    public void A_bad_pack_is_refused_and_current_is_unchanged(string kind, bool json, string reason)
    {
        Preinstall(_ssh.A, _packs.Pack("1.0.0"));
        string before = _ssh.A.Current!;
        string pack = BadPack(kind);

        int exit = json ? Push(pack, _ssh.A.Address, "--json") : Push(pack, _ssh.A.Address);

        Assert.True(exit == ExitCodes.Refused, Explain());
        Assert.Equal(before, _ssh.A.Current);
        if (json)
        {
            var host = SingleHost(_ssh.A.Address);
            Assert.False(host.GetProperty("ok").GetBoolean());
            Assert.Equal("refused", host.GetProperty("result").GetString());
            Assert.Contains(reason, host.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            string[] row = TableRow(_ssh.A.Address);
            Assert.Equal("refused", row[1]);
            Assert.Contains(reason, row[5], StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void An_unsigned_pack_is_refused_by_a_kiosk_that_trusts_keys()
    {
        string signed = Signed("1.0.0");
        Preinstall(_ssh.B, signed);

        int exit = Push(_packs.Pack("1.1.0"), _ssh.B.Address, "--json");

        Assert.True(exit == ExitCodes.Refused, Explain());
        Assert.Equal(PackStoreTests.Sha256Of(signed), _ssh.B.Current);
        var host = SingleHost(_ssh.B.Address);
        Assert.Equal("refused", host.GetProperty("result").GetString());
        Assert.Contains("unsigned", host.GetProperty("error").GetString());
    }

    [Fact]
    public void Two_hosts_in_one_push_both_install_and_both_report()
    {
        string signed = Signed("1.2.0");

        int exit = Push(signed, _ssh.A.Address, _ssh.B.Address, "--json");

        Assert.True(exit == ExitCodes.Ok, Explain());
        using var doc = JsonDocument.Parse(_out.ToString());
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(PackStoreTests.Sha256Of(signed), doc.RootElement.GetProperty("sha256").GetString());
        var hosts = doc.RootElement.GetProperty("hosts").EnumerateArray().ToList();
        Assert.Equal([_ssh.A.Address, _ssh.B.Address], hosts.Select(h => h.GetProperty("host").GetString()));
        foreach (var host in hosts)
        {
            Assert.Equal("ok", host.GetProperty("result").GetString());
            Assert.Equal("1.2.0", host.GetProperty("version").GetString());
            Assert.Equal(new FileInfo(signed).Length, host.GetProperty("bytes_sent").GetInt64());
            Assert.Equal(JsonValueKind.Null, host.GetProperty("error").ValueKind);
        }

        Assert.Equal(PackStoreTests.Sha256Of(signed), _ssh.A.Current);
        Assert.Equal(PackStoreTests.Sha256Of(signed), _ssh.B.Current);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_config_alias_through_an_ssh_wrapper_installs_and_an_unreachable_host_fails_the_push()
    {
        string config = _dir.Combine("ssh_config");
        File.WriteAllText(config, $"""
            Host kiosk-a
              HostName 127.0.0.1
              Port {_ssh.A.Server.Port}
              User {Environment.UserName}

            """);
        // --ssh runs this wrapper, as staff might to pick a config file; ssh has no -o for that.
        string wrapper = _dir.Combine("ssh-with-config");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec {ShellQuote.Of(SshTools.Ssh)} -F {ShellQuote.Of(config)} \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string closed = $"127.0.0.1:{SshTools.ClosedPort()}";
        string pack = _packs.Pack("1.1.0");

        int exit = Push(pack, "kiosk-a", closed, "--ssh", wrapper);

        Assert.True(exit == ExitCodes.Refused, Explain());
        Assert.Equal("ok", TableRow("kiosk-a")[1]);
        Assert.Equal(PackStoreTests.Sha256Of(pack), _ssh.A.Current);
        string[] failed = TableRow(closed);
        Assert.Equal("failed", failed[1]);
        Assert.Contains("Connection refused", failed[5]);
        Assert.Contains("1 of 2 host(s) installed the pack", _out.ToString());
    }

    [Fact]
    public void A_pty_shell_with_the_content_key_gets_the_forced_command_not_a_shell()
    {
        Preinstall(_ssh.A, _packs.Pack("1.0.0"));
        string before = _ssh.A.Current!;
        int sessions = ForcedSessions(_ssh.A);

        var ran = Ssh(_ssh.A, "echo pwned; id\nexit\n"u8.ToArray(), ["-tt"]);

        // restrict: no pty. ssh -tt gives up when its forced pty is refused; sshd ran the forced command anyway.
        Assert.Contains("PTY allocation request failed", ran.Stderr);
        Assert.DoesNotContain("pwned", ran.Stdout);
        Assert.DoesNotContain("uid=", ran.Stdout);
        Assert.NotEqual(0, ran.ExitCode);
        WaitForForcedSession(_ssh.A, sessions);
        Assert.DoesNotContain("Starting session: shell", _ssh.A.Server.Log);
        Assert.Equal(before, _ssh.A.Current);
    }

    [Fact]
    public void A_remote_command_with_the_content_key_is_ignored_for_the_forced_command()
    {
        int sessions = ForcedSessions(_ssh.A);

        var ran = Ssh(_ssh.A, [], [], "sh", "-c", "'echo pwned'");

        Assert.DoesNotContain("pwned", ran.Stdout);
        AssertReceiveRefused(ran, "not a readable zip archive");
        WaitForForcedSession(_ssh.A, sessions);
        Assert.DoesNotContain("Starting session: command", _ssh.A.Server.Log);
        Assert.Null(_ssh.A.Current);
    }

    [Fact]
    public void The_content_key_answers_a_status_request_and_installs_nothing()
    {
        Preinstall(_ssh.A, _packs.Pack("1.0.0"));
        string before = _ssh.A.Current!;

        var json = Ssh(_ssh.A, [], [], "status", "--json");
        var text = Ssh(_ssh.A, [], [], "status");

        // Exit 1: no kiosk runs on this store (README, "kiosk status"); the answer is JSON all the same.
        Assert.True(json.ExitCode == 1, $"{json}\n{_ssh.Logs}");
        using var status = JsonDocument.Parse(json.Stdout);
        // No kiosk runs on this store: the answer says so, and still reports what the store holds.
        Assert.False(status.RootElement.GetProperty("running").GetBoolean());
        Assert.Equal(before, status.RootElement.GetProperty("store").GetProperty("sha256").GetString());
        Assert.Equal(Path.Combine(_ssh.A.Store, "status.json"), status.RootElement.GetProperty("status_file").GetString());
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("not running", text.Stdout);
        Assert.Equal(before, _ssh.A.Current);
    }

    [Theory]
    [InlineData("status; id")]
    [InlineData("status --json && id")]
    [InlineData("sh -c status")]
    [InlineData("status --json --config /etc/shadow")]
    public void Anything_but_the_exact_status_request_still_gets_only_the_pack_receiver(string command)
    {
        int sessions = ForcedSessions(_ssh.A);

        var ran = Ssh(_ssh.A, [], [], command);

        Assert.DoesNotContain("uid=", ran.Stdout);
        Assert.DoesNotContain("running", ran.Stdout);
        AssertReceiveRefused(ran, "not a readable zip archive");
        WaitForForcedSession(_ssh.A, sessions);
        Assert.Null(_ssh.A.Current);
    }

    [Fact]
    public void Port_forwarding_with_the_content_key_is_refused()
    {
        var stdio = Ssh(_ssh.A, [], ["-W", $"127.0.0.1:{_ssh.A.Server.Port}"]);
        var remote = Ssh(_ssh.A, [], ["-N", "-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:0:127.0.0.1:9"]);

        Assert.NotEqual(0, stdio.ExitCode);
        Assert.DoesNotContain("SSH-2.0", stdio.Stdout);
        Assert.Contains("administratively prohibited", stdio.Stderr);
        Assert.NotEqual(0, remote.ExitCode);
        Assert.Contains("remote port forwarding failed", remote.Stderr);
    }

    private static void Preinstall(KioskHostUnderSsh host, string pack)
    {
        var options = new PackStoreOptions { Root = host.Store, TrustedKeysDir = host.TrustedKeys, AllowUnsigned = true };
        var installed = new PackStore(options, TimeProvider.System).Install(pack);
        Assert.True(installed.Ok, string.Join("; ", installed.Problems));
    }

    private string Signed(string version)
    {
        string copy = _packs.CopyOf(version, _dir.Path);
        PackSigner.Sign(copy, File.ReadAllText(_ssh.SigningKey));
        return copy;
    }

    private string BadPack(string kind)
    {
        byte[] good = File.ReadAllBytes(_packs.Pack("1.1.0"));
        byte[] bytes = kind switch
        {
            "truncated" => good[..(good.Length / 2)],
            "oversized" => new byte[SshdFixture.MaxBytes + 1],
            "corrupt" => Corrupt(good),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        string path = _dir.Combine(kind + ".kpack");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Changes one byte inside the first stored entry (manifest.json stays intact), so the zip still
    /// opens and only the checksum check can catch it.</summary>
    private static byte[] Corrupt(byte[] good)
    {
        var bytes = (byte[])good.Clone();
        bytes[bytes.Length / 3] ^= 0x5A;
        return bytes;
    }

    private int Push(params string[] args) =>
        KioskCli.Invoke(["push", .. args, .. _ssh.SshOptions.SelectMany(o => new[] { "--ssh-option", o })], new CliConsole(_out, _err), TimeProvider.System);

    /// <summary>Plain ssh with the content key, as someone who took it from a laptop might use it.</summary>
    private ChildProcess.Ran Ssh(KioskHostUnderSsh host, byte[] stdin, string[] options, params string[] remoteCommand) =>
        ChildProcess.Run(SshTools.Ssh, [
            "-o", "BatchMode=yes", .. _ssh.SshArgs, "-p", host.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. options,
            $"{Environment.UserName}@127.0.0.1", .. remoteCommand], stdin);

    /// <summary>Sessions sshd started with the key's forced command (it logs them at LogLevel VERBOSE).</summary>
    private static int ForcedSessions(KioskHostUnderSsh host) =>
        host.Server.Log.Split('\n').Count(l => l.Contains("Starting session: forced-command (key-option)", StringComparison.Ordinal));

    /// <summary>sshd may log a session after the client has gone; wait for the line rather than race it.</summary>
    private void WaitForForcedSession(KioskHostUnderSsh host, int before)
    {
        var limit = System.Diagnostics.Stopwatch.StartNew();
        while (ForcedSessions(host) <= before && limit.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(20);
        }

        Assert.True(ForcedSessions(host) > before, $"sshd logged no forced-command session\n{_ssh.Logs}");
    }

    private void AssertReceiveRefused(ChildProcess.Ran ran, string reason)
    {
        string line = ran.Stdout.Trim();
        Assert.True(line.StartsWith('{'), $"{ran}\n{_ssh.Logs}");
        using var reply = JsonDocument.Parse(line);
        Assert.False(reply.RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains(reason, reply.RootElement.GetProperty("error").GetString());
        Assert.Equal(ExitCodes.Refused, ran.ExitCode);
    }

    private string[] TableRow(string host)
    {
        string? line = _out.ToString().Split(Environment.NewLine).FirstOrDefault(l => l.StartsWith(host + " ", StringComparison.Ordinal));
        Assert.True(line is not null, Explain());
        // Columns are separated by two or more spaces; the error column may hold single spaces.
        return System.Text.RegularExpressions.Regex.Split(line, " {2,}", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))
            .Concat(Enumerable.Repeat(string.Empty, 6)).Take(6).ToArray();
    }

    private JsonElement SingleHost(string host)
    {
        using var doc = JsonDocument.Parse(_out.ToString());
        var hosts = doc.RootElement.GetProperty("hosts").EnumerateArray().ToList();
        Assert.Single(hosts);
        Assert.Equal(host, hosts[0].GetProperty("host").GetString());
        return hosts[0].Clone();
    }

    private string Explain() => $"stdout:\n{_out}\nstderr:\n{_err}\n{_ssh.Logs}";
}
