using System.Text.Json.Nodes;
using Kiosk.Fleet.Harness;

namespace Kiosk.Fleet;

/// <summary>
/// deploy/ansible/rollout.yml run by the real ansible-playbook against the test fleet: the pack travels through
/// each kiosk's content key (kiosk push), and a host counts as done only when its own status shows the pack on
/// the glass, committed.
/// </summary>
[Collection(FleetCollection.Name)]
public sealed class RolloutTests(FleetFixture fixture)
{
    private readonly TestFleet _fleet = fixture.Fleet;

    [Fact]
    public void A_pack_rolls_out_to_eight_kiosks_canary_first_then_in_batches_and_the_offline_host_is_listed_not_failed()
    {
        string pack = fixture.Packs.Pack("1.1.0");
        string sha = PackSha(pack);

        var (ran, took) = _fleet.Playbook("rollout.yml", _fleet.Inventory(), "-e", $"kiosk_pack={pack}", "-e", "kiosk_batch=3");

        Assert.True(ran.ExitCode == 0, $"rollout failed after {took.TotalSeconds:0} s:\n{ran}");
        var results = Results();
        Assert.Equal(_fleet.Hosts.Select(h => h.Name), results.Select(r => (string)r["host"]!));
        foreach (var host in _fleet.OnlineHosts)
        {
            var result = results.Single(r => (string)r["host"]! == host.Name);
            Assert.Equal("done", (string?)result["result"]);
            var status = TestFleet.Status(host);
            Assert.Equal(sha, TestFleet.PackOnGlass(status));
            Assert.Equal(sha, host.Current);
        }

        var offline = _fleet.Hosts.Single(h => !h.Online);
        Assert.Equal("unreachable", (string?)results.Single(r => (string)r["host"]! == offline.Name)["result"]);
        Assert.Equal([offline.Name], File.ReadAllLines(Path.Combine(_fleet.Reports, "offline.txt")));
        Assert.Matches($@"{offline.Name} +: ok=\d+ +changed=\d+ +unreachable=0 +failed=0", ran.Stdout);

        // Canary first: its pack reached the glass before any other host's; then batches of 3 (8 hosts: 3 batches).
        var since = _fleet.OnlineHosts.ToDictionary(h => h.Name, h => DateTimeOffset.Parse((string)TestFleet.Status(h)["pack"]!["since"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(since.Where(s => s.Key != "k01"), s => Assert.True(since["k01"] < s.Value, $"{s.Key} took the pack at {s.Value:O}, before the canary at {since["k01"]:O}"));
        Assert.Equal(3, CountOf(ran.Stdout, "PLAY [Batches]"));

        // Later, the hosts that were off, as the README says: --limit @reports/offline.txt. Without the canary in
        // the run, its check is not asked for; the host is tried again and listed again.
        var (retry, retryTook) = _fleet.Playbook("rollout.yml", _fleet.Inventory(), "-e", $"kiosk_pack={pack}", "--limit", "@" + Path.Combine(_fleet.Reports, "offline.txt"));
        Assert.True(retry.ExitCode == 0, $"the retry of the offline hosts failed after {retryTook.TotalSeconds:0} s:\n{retry}");
        Assert.Equal("unreachable", (string?)Assert.Single(Results())["result"]);
        Assert.Equal([offline.Name], File.ReadAllLines(Path.Combine(_fleet.Reports, "offline.txt")));
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(_fleet.Reports, "rollout.json")))!;
        Assert.Equal(sha, (string?)report["sha256"]);
        Assert.Equal([offline.Name], report["hosts"]!.AsArray().Select(h => (string?)h!["host"]));
    }

    [Fact]
    public void A_pack_that_fails_its_health_check_on_the_canary_is_rolled_back_and_stops_the_rollout_before_the_first_batch()
    {
        var before = _fleet.OnlineHosts.ToDictionary(h => h.Name, h => h.Current);
        string canaryOld = before["k01"]!;
        string bad = CrashingPack.From(fixture.Packs.Pack("1.2.0"), Path.Combine(_fleet.Temp, "crashing-1.2.0.kpack"));

        var (ran, took) = _fleet.Playbook("rollout.yml", _fleet.Inventory(healthTimeoutSeconds: 8), "-e", $"kiosk_pack={bad}", "-e", "kiosk_batch=3");

        Assert.True(ran.ExitCode != 0, $"a rollout of a crashing pack succeeded after {took.TotalSeconds:0} s:\n{ran}");
        Assert.DoesNotContain("PLAY [Batches]", ran.Stdout);
        var canary = Assert.Single(Results());
        Assert.Equal("k01", (string?)canary["host"]);
        Assert.Equal("failed", (string?)canary["result"]);
        // Since h-harden, `pack receive` refuses this pack's damaged font before it is installed: then the canary fails
        // with that error and there is nothing to roll back; a pack that got in is rolled back.
        Assert.True((bool)canary["rolled_back"]! || ((string?)canary["error"])?.Contains("damaged", StringComparison.Ordinal) == true, canary.ToJsonString());
        Assert.Equal(canaryOld, _fleet["k01"].Current);
        TestFleet.WaitForStatus(_fleet["k01"], s => TestFleet.PackOnGlass(s) == canaryOld, "back on its old pack");
        foreach (var host in _fleet.OnlineHosts.Skip(1))
        {
            Assert.Equal(before[host.Name], host.Current);
            Assert.Equal(before[host.Name], TestFleet.PackOnGlass(TestFleet.Status(host)));
        }
    }

    private List<JsonObject> Results() =>
        Directory.EnumerateFiles(Path.Combine(_fleet.Reports, "rollout"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject()).ToList();

    private static string PackSha(string pack)
    {
        using var stream = File.OpenRead(pack);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    private static int CountOf(string text, string what)
    {
        int count = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
