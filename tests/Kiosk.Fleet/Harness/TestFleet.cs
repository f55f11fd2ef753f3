using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Host.Tests.Push;

namespace Kiosk.Fleet.Harness;

/// <summary>
/// A fleet of kiosks on this machine: hosts k01..kNN, each with its own sshd, store and status file, the first
/// one the canary; some may be offline. Writes the Ansible inventory for them and runs the real
/// ansible-playbook with deploy/ansible/.
/// </summary>
internal sealed class TestFleet : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly List<FleetHost> _hosts = [];

    /// <param name="inputs">Settings Kiosk:Inputs per host name, for hosts that need keys.</param>
    /// <param name="forcedCommand">Another forced command for the content key, given a host's store (the benchmark's floor).</param>
    /// <param name="kiosk">The kiosk on the hosts and the control node: this build (default) or the published one.</param>
    /// <param name="ipv6">Hosts whose sshd listens on ::1 only, named in the inventory as <c>ansible_host=::1</c>.</param>
    public TestFleet(int online, int offline = 0, Func<string, string, string[]?>? inputs = null, Func<string, string>? forcedCommand = null, KioskProgram? kiosk = null,
        IReadOnlySet<string>? ipv6 = null)
    {
        Kiosk = kiosk ?? KioskProgram.Build;
        SshTools.RequireSshd();
        Require("ansible-playbook", "ansible-core");
        try
        {
            ContentKey = _dir.Combine("content_ed25519");
            AdminKey = _dir.Combine("admin_ed25519");
            string contentLine = SshTools.NewKey(ContentKey, "kiosk-content-key");
            string adminLine = SshTools.NewKey(AdminKey, "kiosk-admin-key");
            for (int i = 1; i <= online + offline; i++)
            {
                string name = $"k{i:00}";
                string dir = _dir.Combine(name);
                _hosts.Add(new FleetHost(name, dir, contentLine, adminLine, online: i <= online, Kiosk, inputs?.Invoke(name, dir), forcedCommand, ipv6?.Contains(name) == true));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IReadOnlyList<FleetHost> Hosts => _hosts;

    public KioskProgram Kiosk { get; }

    public IEnumerable<FleetHost> OnlineHosts => _hosts.Where(h => h.Online);

    public string ContentKey { get; }

    public string AdminKey { get; }

    public string KnownHosts => _dir.Combine("known_hosts");

    public string Reports => _dir.Combine("reports");

    public string Temp => _dir.Path;

    public FleetHost this[string name] => _hosts.Single(h => h.Name == name);

    /// <summary>Writes an inventory (YAML's JSON form) with these hosts in <c>kiosks</c> and the first in <c>canary</c>.</summary>
    public string Inventory(IEnumerable<FleetHost>? hosts = null, int healthTimeoutSeconds = 30)
    {
        var chosen = (hosts ?? _hosts).ToList();
        string kiosk = Kiosk.Shell;
        var kiosks = new JsonObject();
        foreach (var h in chosen)
        {
            kiosks[h.Name] = new JsonObject { ["ansible_host"] = h.Address.ToString(), ["ansible_port"] = h.Port, ["kiosk_store"] = h.Store };
        }

        var inventory = new JsonObject
        {
            ["all"] = new JsonObject
            {
                ["vars"] = new JsonObject
                {
                    // The admin account (a shell) and the content key (forced command) are both root here, told
                    // apart by their keys, as sshd on a Pi tells `pi` and `kiosk` apart.
                    ["ansible_user"] = Environment.UserName,
                    ["ansible_ssh_private_key_file"] = AdminKey,
                    ["ansible_ssh_common_args"] = $"-o UserKnownHostsFile={KnownHosts} -o StrictHostKeyChecking=accept-new -o IdentitiesOnly=yes",
                    ["ansible_python_interpreter"] = "/usr/bin/python3",
                    ["kiosk_content_user"] = Environment.UserName,
                    ["kiosk_content_key"] = ContentKey,
                    ["kiosk_ssh_options"] = new JsonArray($"UserKnownHostsFile={KnownHosts}", "StrictHostKeyChecking=accept-new"),
                    ["kiosk_cli"] = kiosk,
                    ["kiosk_bin"] = kiosk,
                    ["kiosk_become"] = false,
                    ["kiosk_health_timeout"] = healthTimeoutSeconds,
                    ["kiosk_health_poll"] = 1,
                    ["kiosk_report_dir"] = Reports,
                },
                ["children"] = new JsonObject
                {
                    ["canary"] = new JsonObject { ["hosts"] = new JsonObject { [chosen[0].Name] = null } },
                    ["kiosks"] = new JsonObject { ["hosts"] = kiosks },
                },
            },
        };
        string path = _dir.Combine($"inventory-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, inventory.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    /// <summary>Runs a playbook of deploy/ansible with its ansible.cfg; returns what it printed and how long it took.</summary>
    public (ChildProcess.Ran Ran, TimeSpan Took) Playbook(string playbook, string inventory, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var ran = ChildProcess.Run("ansible-playbook", ["-i", inventory, playbook, .. args], environment: AnsibleEnvironment(_dir.Path), workingDirectory: AnsibleDir);
        return (ran, clock.Elapsed);
    }

    /// <summary><c>kiosk status --json --config</c> of a host, read on the host itself.</summary>
    /// <remarks>Every call also checks the exit code against the answer: 0 exactly when the kiosk runs and every
    /// display it reports is healthy, else 1 (README, "kiosk status").</remarks>
    public static JsonObject Status(FleetHost host)
    {
        var ran = host.Kiosk.Run("status", "--json", "--config", host.ConfigFile);
        Assert.True(ran.ExitCode is 0 or 1, $"{host.Name}: kiosk status failed: {ran}");
        var status = JsonNode.Parse(ran.Stdout)!.AsObject();
        var displays = status["displays"]!.AsArray();
        bool healthy = (bool)status["running"]! && displays.Count > 0 && displays.All(d => (bool)d!["healthy"]!);
        Assert.True(ran.ExitCode == (healthy ? 0 : 1), $"{host.Name}: exit {ran.ExitCode} for {ran.Stdout}");
        return status;
    }

    /// <summary>Waits until a host's own status satisfies <paramref name="done"/>; fails with the status and the kiosk's log.</summary>
    public static JsonObject WaitForStatus(FleetHost host, Func<JsonObject, bool> done, string what, TimeSpan? limit = null)
    {
        var clock = Stopwatch.StartNew();
        JsonObject status;
        while (!done(status = Status(host)))
        {
            if (clock.Elapsed > (limit ?? TimeSpan.FromSeconds(90)))
            {
                string log = File.Exists(host.KioskLog) ? File.ReadAllText(host.KioskLog) : "(no log)";
                Assert.Fail($"{host.Name}: not {what} after {clock.Elapsed.TotalSeconds:0} s; status: {status.ToJsonString()}\nkiosk log tail:\n{Tail(log)}");
            }

            Thread.Sleep(200);
        }

        return status;
    }

    public static string? PackOnGlass(JsonObject status) =>
        status["running"]!.GetValue<bool>() && status["pack"] is JsonObject pack && (string?)pack["state"] == "committed" ? (string?)pack["sha256"] : null;

    public static string AnsibleDir => Repo.Path("deploy", "ansible");

    /// <summary>Ansible's config from deploy/ansible, no colours, and its own state kept in the test's folder.</summary>
    public static Dictionary<string, string> AnsibleEnvironment(string home) => new()
    {
        ["ANSIBLE_CONFIG"] = Path.Combine(AnsibleDir, "ansible.cfg"),
        ["ANSIBLE_HOME"] = Path.Combine(home, "ansible-home"),
        ["ANSIBLE_LOCAL_TEMP"] = Path.Combine(home, "ansible-tmp"),
        ["ANSIBLE_NOCOLOR"] = "1",
        ["ANSIBLE_FORCE_COLOR"] = "0",
    };

    public static string Tail(string text, int lines = 40) => string.Join('\n', text.Split('\n').TakeLast(lines));

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _dir.Dispose();
    }

    private static void Require(string program, string package)
    {
        if (ChildProcess.Which(program) is null)
        {
            throw new InvalidOperationException($"{program} not found: deploy/setup.sh installs Debian's {package} (or: apt-get install {package})");
        }
    }
}
