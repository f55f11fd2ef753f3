using System.Text.Json.Nodes;
using Kiosk.Host.Cli;
using Kiosk.Host.Packs;
using Kiosk.Host.Push;
using Kiosk.Host.Status;
using Kiosk.Host.Tests.Packs;

namespace Kiosk.Host.Tests.Push;

/// <summary>
/// <c>kiosk status HOST...</c> against real sshd and the real ssh client: every host asked at once through the
/// content key's forced command, one answer per host in the order given, an unreachable host said so.
/// </summary>
public sealed class RemoteStatusTests : IClassFixture<SshdFixture>, IClassFixture<TestPacks>, IDisposable
{
    private readonly SshdFixture _ssh;
    private readonly TestPacks _packs;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public RemoteStatusTests(SshdFixture ssh, TestPacks packs)
    {
        _ssh = ssh;
        _packs = packs;
        ssh.A.Reset();
        ssh.B.Reset();
    }

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
    }

    [Fact]
    public void Every_host_answers_with_its_own_status_and_an_unreachable_host_is_said_to_be()
    {
        var installed = new PackStore(new PackStoreOptions { Root = _ssh.A.Store, AllowUnsigned = true }, TimeProvider.System).Install(_packs.Pack("1.0.0"));
        Assert.True(installed.Ok, string.Join("; ", installed.Problems));
        string closed = $"{Environment.UserName}@127.0.0.1:{SshTools.ClosedPort()}";

        int exit = Status("--json", _ssh.A.Address, _ssh.B.Address, closed);

        // No kiosk runs on either store, so neither is healthy: 1 (README, "kiosk status").
        Assert.True(exit == StatusExitCode.Unhealthy, Explain());
        var report = JsonNode.Parse(_out.ToString())!.AsObject();
        Assert.False((bool)report["ok"]!);
        var hosts = report["hosts"]!.AsArray().Select(h => h!.AsObject()).ToList();
        Assert.Equal([_ssh.A.Address, _ssh.B.Address, closed], hosts.Select(h => (string)h["host"]!));
        foreach (var (host, kiosk) in new[] { (hosts[0], _ssh.A), (hosts[1], _ssh.B) })
        {
            Assert.True((bool)host["reachable"]!, Explain());
            Assert.Equal(StatusExitCode.Unhealthy, (int)host["exit_code"]!);
            Assert.Null(host["error"]);
            // The kiosk's own answer, as `kiosk status --json` on the device gives it for that store.
            var own = new StringWriter();
            StatusAnswer.Answer(kiosk.Store, new StatusOptions(), json: true, own, TimeProvider.System);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(own.ToString()), host["status"]), $"{own}\n{host["status"]}");
        }

        Assert.Equal(installed.Pack!.Sha256, (string?)hosts[0]["status"]!["store"]!["sha256"]);
        Assert.Null(hosts[1]["status"]!["store"]);
        Assert.False((bool)hosts[2]["reachable"]!);
        Assert.Null(hosts[2]["status"]);
        Assert.StartsWith("ssh failed", (string)hosts[2]["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kiosk_on_an_ipv6_address_with_a_port_takes_a_push_and_answers_for_the_pack()
    {
        // Its sshd listens on ::1 only: user@::1:PORT would be read as the address ::1:PORT and miss it.
        using var kiosk = new KioskHostUnderSsh(Path.Combine(_ssh.Temp, $"v6-{Guid.NewGuid():N}"), File.ReadAllText(_ssh.ContentKey + ".pub").Trim(),
            SshdFixture.MaxBytes, trustedPublicKey: null, System.Net.IPAddress.IPv6Loopback);
        Assert.StartsWith($"{Environment.UserName}@[::1]:", kiosk.Address, StringComparison.Ordinal);
        string pack = _packs.Pack("1.0.0");

        int pushed = KioskCli.Invoke(["push", pack, kiosk.Address, "--json", .. _ssh.SshOptions.SelectMany(o => new[] { "--ssh-option", o })],
            new CliConsole(_out, _err), TimeProvider.System);
        Assert.True(pushed == ExitCodes.Ok, $"{Explain()}\n{kiosk.Server.Log}");
        _out.GetStringBuilder().Clear();
        int exit = Status("--json", kiosk.Address);

        Assert.True(exit == StatusExitCode.Unhealthy, $"{Explain()}\n{kiosk.Server.Log}");
        var host = JsonNode.Parse(_out.ToString())!["hosts"]![0]!.AsObject();
        Assert.Equal(kiosk.Address, (string?)host["host"]);
        Assert.True((bool)host["reachable"]!);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(pack))), (string?)host["status"]!["store"]!["sha256"]);
    }

    [Fact]
    public void Text_gives_each_host_its_own_status_under_its_name()
    {
        int exit = Status(_ssh.A.Address);

        Assert.True(exit == StatusExitCode.Unhealthy, Explain());
        string[] lines = _out.ToString().Split(Environment.NewLine);
        Assert.Equal($"== {_ssh.A.Address} ==", lines[0]);
        Assert.Contains("not running", _out.ToString());
    }

    [Theory]
    [InlineData("--config", "/etc/kiosk/kiosk.json", "kiosk@hall-a")]
    [InlineData("-oProxyCommand=id", null, null)]
    public void Hosts_with_config_or_a_host_that_looks_like_an_option_are_usage_errors(string first, string? second, string? third)
    {
        string[] args = new[] { first, second, third }.OfType<string>().ToArray();

        int exit = KioskCli.Invoke(["status", .. args], new CliConsole(_out, _err), TimeProvider.System);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(_out.ToString());
    }

    [Theory]
    [InlineData(new[] { 0, 0 }, 0)]
    [InlineData(new[] { 0, 3 }, 3)]
    [InlineData(new[] { 3, 1 }, 1)]
    [InlineData(new[] { 0, -1 }, 1)]
    [InlineData(new[] { 3, -2 }, 1)]
    public void One_exit_code_for_all_hosts_puts_not_healthy_before_unknown(int[] codes, int expected)
    {
        // -1: unreachable; -2: reached, but no status answer.
        var hosts = codes.Select((c, i) => c switch
        {
            -1 => new RemoteStatus($"h{i}", false, null, null, "ssh failed", 0),
            -2 => new RemoteStatus($"h{i}", true, 2, null, "no status answer", 0),
            _ => new RemoteStatus($"h{i}", true, c, "{}", null, 0),
        }).ToList();

        Assert.Equal(expected, RemoteStatusReport.ExitCode(hosts));
    }

    private int Status(params string[] args) =>
        KioskCli.Invoke(["status", .. args, .. _ssh.SshOptions.SelectMany(o => new[] { "--ssh-option", o })], new CliConsole(_out, _err), TimeProvider.System);

    private string Explain() => $"stdout:\n{_out}\nstderr:\n{_err}\n{_ssh.Logs}";
}
