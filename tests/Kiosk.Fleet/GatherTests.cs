using System.Text.Json.Nodes;
using Kiosk.Fleet.Harness;

namespace Kiosk.Fleet;

/// <summary>
/// deploy/ansible/gather.yml: every host's status, through its content key, in one JSON file and a table; in both
/// modes (fanout: one <c>kiosk status HOST...</c> on the control node; per_host: one Ansible task per host), and
/// for a --limit (the report is written for the hosts chosen).
/// </summary>
[Collection(FleetCollection.Name)]
public sealed class GatherTests(FleetFixture fixture)
{
    private readonly TestFleet _fleet = fixture.Fleet;

    [Theory]
    [InlineData("fanout", null)]
    [InlineData("per_host", null)]
    [InlineData("fanout", "k02,k09")]
    public void The_gathered_report_matches_what_each_host_says_of_itself(string mode, string? limit)
    {
        if (Directory.Exists(_fleet.Reports))
        {
            Directory.Delete(_fleet.Reports, recursive: true);
        }

        string[] args = limit is null ? ["-e", $"kiosk_gather={mode}"] : ["-e", $"kiosk_gather={mode}", "--limit", limit];
        var (ran, took) = _fleet.Playbook("gather.yml", _fleet.Inventory(), args);

        Assert.True(ran.ExitCode == 0, $"gather failed after {took.TotalSeconds:0} s:\n{ran}");
        // The mode asked for is the one that ran: per host, Ansible reports each host's own status task.
        Assert.Equal(mode == "per_host", ran.Stdout.Contains("TASK [kiosk : Ask the kiosk for its status through the content key]", StringComparison.Ordinal));
        var chosen = _fleet.Hosts.Where(h => limit is null || limit.Split(',').Contains(h.Name)).ToList();
        var hosts = JsonNode.Parse(File.ReadAllText(Path.Combine(_fleet.Reports, "status.json")))!["hosts"]!.AsArray().Select(h => h!.AsObject()).ToList();
        string[] table = File.ReadAllLines(Path.Combine(_fleet.Reports, "status.txt"));
        Assert.Equal(["HOST", "PACK", "ON", "GLASS", "SINCE", "FRAMES", "LAST", "PRESS", "TEMP", "THROTTLING", "ERRORS"], table[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(chosen.Select(h => h.Name), hosts.Select(h => (string)h["host"]!));
        Assert.Equal(chosen.Count, table.Length - 1);
        Assert.Contains(chosen, h => !h.Online);
        foreach (var host in chosen)
        {
            var gathered = hosts.Single(h => (string)h["host"]! == host.Name);
            string row = Assert.Single(table, l => l.StartsWith(host.Name + " ", StringComparison.Ordinal));
            if (!host.Online)
            {
                Assert.False((bool)gathered["reachable"]!);
                Assert.Contains("unreachable", row);
                continue;
            }

            var reported = gathered["status"]!.AsObject();
            var own = TestFleet.Status(host);
            Assert.True((bool)gathered["reachable"]!);
            foreach (string field in new[] { "running", "pid", "started", "kiosk_version", "status_file" })
            {
                Assert.Equal(own[field]?.ToJsonString(), reported[field]?.ToJsonString());
            }

            foreach (string field in new[] { "id", "version", "sha256", "source", "state", "since" })
            {
                Assert.Equal((string?)own["pack"]![field], (string?)reported["pack"]![field]);
            }

            Assert.InRange((long)reported["frames"]!, 1, (long)own["frames"]!);
            var pack = own["pack"]!;
            Assert.Contains($"{pack["id"]} {pack["version"]} (committed)", row);
            Assert.Contains(((string)pack["since"]!)[..19].Replace('T', ' '), row);
        }
    }
}
