using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kiosk.SystemTests.Rig;
using Xunit.Abstractions;

namespace Kiosk.SystemTests;

/// <summary>
/// deploy/ansible/install.yml run for real, by the real <c>ansible-playbook</c>, against the appliance over its
/// forwarded sshd (a real kernel, systemd as PID 1): the admin account is root with the image's admin key (the
/// VM has no sudo, so <c>ansible_become</c> is off; on a Pi it is <c>pi</c> with sudo). The same published kiosk
/// the image holds is installed again from the publish tarball, as an upgrade would be, with the image's content
/// key and signing key, and a kiosk.json from host variables that keeps the appliance as the other tests need it.
/// Then gather.yml reads its status back through the content key. One playbook run on the shared VM, no boot.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class InstallPlaybookTests(BootedAppliance appliance, ITestOutputHelper output)
{
    private readonly Vm _vm = appliance.Vm;

    // In the normal run since 2 Dec 2026: with the Native AOT tarball (13 MB, was 63 MB) the two playbook runs take
    // about 2 min under TCG (79.3 s and 54.7 s), where they took 5-6 min and ran only in the long run.
    [Fact]
    public void Install_yml_installs_the_kiosk_with_its_settings_and_content_key_and_a_second_run_changes_nothing()
    {
        using var dir = new TempDir();
        string tarball = Repo.Path("artifacts", "kiosk-linux-x64.tar.gz");
        Assert.True(File.Exists(tarball), $"{tarball} missing: deploy/publish.sh linux-x64 makes it (the image fixture runs it)");
        string inventory = Inventory(dir);
        string pidBefore = MainPid();

        var first = Playbook("install.yml", inventory, dir);
        output.WriteLine(first.Stdout);
        Assert.True(first.Ok, first.ToString());
        Assert.Matches(@"kiosk-vm\s+:\s+ok=\d+\s+changed=[1-9]", first.Stdout);

        // The handler restarted the kiosk (install.sh ran, kiosk.json changed): a new process, active, with the
        // exhibit back on the glass.
        _vm.WaitFor("kiosk.service active again", () => _vm.Root("systemctl is-active kiosk.service").Stdout.Trim() == "active" && MainPid() != pidBefore,
            TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
        _vm.Qmp.Tap("home");
        var glass = appliance.Shows("home", "install-home", TimeSpan.FromSeconds(90));
        Assert.True(glass.Same, glass.ToString());

        // Running the installed version: the status the running kiosk writes names the version of the published
        // kiosk in the tarball, its PID is the unit's, and /opt/kiosk is what the tarball held.
        string version = Command.Must(appliance.Image.Kiosk, ["--version"], TimeSpan.FromMinutes(1)).Stdout.Trim();
        var status = JsonNode.Parse(_vm.Root("/opt/kiosk/kiosk status --json").Stdout)!;
        Assert.True((bool)status["running"]!, status.ToJsonString());
        Assert.Equal(version, (string?)status["kiosk_version"]);
        Assert.Equal(MainPid(), ((long)status["pid"]!).ToString(CultureInfo.InvariantCulture));
        Assert.True(_vm.Root("cmp /opt/kiosk/kiosk /opt/kiosk-dist/kiosk-linux-x64/kiosk").Ok, "the installed kiosk is not the tarball's");

        // kiosk.json from the host's variables (roles/kiosk/templates/kiosk.json.j2), which the running kiosk accepted.
        var settings = JsonNode.Parse(_vm.Root("cat /etc/kiosk/kiosk.json").Stdout)!;
        Assert.Equal("auto", (string?)settings["Kiosk"]!["Display"]);
        Assert.Equal(["keyboards"], settings["Kiosk"]!["Inputs"]!.AsArray().Select(i => (string?)i));
        Assert.Equal(0, (int)settings["DisplayOptions"]!["Rotation"]!);
        Assert.Equal("01:00:00", (string?)settings["Navigator"]!["IdleTimeout"]);
        Assert.Equal("00:00:03", (string?)settings["Status"]!["WriteInterval"]);
        Assert.True(status["displays"]!.AsArray().All(d => (bool)d!["healthy"]!), status.ToJsonString());

        // The content key in authorized_keys with its forced command: a shell gets nothing, a status request is
        // answered, and only signed packs are taken (the trusted key came through kiosk_trusted_keys).
        string contentKey = File.ReadAllText(appliance.Image.ContentKey + ".pub").Split(' ')[1];
        string keys = _vm.Root("cat /var/lib/kiosk/.ssh/authorized_keys").Stdout;
        Assert.Matches($"^command=\"/opt/kiosk/kiosk pack receive\",restrict ssh-ed25519 {Regex.Escape(contentKey)} ", keys);
        string typed = dir.File("typed.txt");
        File.WriteAllText(typed, "echo pwned; id\nexit\n");
        var shell = _vm.AsContentKey(["-tt"], typed);
        Assert.DoesNotContain("uid=", shell.Stdout);
        Assert.NotEqual(0, shell.ExitCode);
        var answer = _vm.AsContentKey([], remoteCommand: "status --json");
        Assert.True(answer.ExitCode == 0, answer.ToString());
        Assert.Equal(version, (string?)JsonNode.Parse(answer.Stdout)!["kiosk_version"]);
        Assert.Equal(File.ReadAllText(appliance.Image.SigningPublicKey), _vm.Root($"cat /etc/kiosk/trusted-keys/{Path.GetFileName(appliance.Image.SigningPublicKey)}").Stdout);

        // Idempotent: the same inventory again changes nothing and leaves the kiosk running where it was.
        string pidAfter = MainPid();
        var second = Playbook("install.yml", inventory, dir);
        output.WriteLine(second.Stdout);
        Assert.True(second.Ok, second.ToString());
        Assert.Matches(@"kiosk-vm\s+:\s+ok=\d+\s+changed=0\s", second.Stdout);
        Assert.Equal(pidAfter, MainPid());

        // And the fleet report reads it back through the content key (gather.yml, fanout through kiosk status).
        var gather = Playbook("gather.yml", inventory, dir);
        Assert.True(gather.Ok, gather.ToString());
        var gathered = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.Path, "reports", "status.json")))!["hosts"]![0]!;
        Assert.True((bool)gathered["reachable"]!, gathered.ToJsonString());
        Assert.Equal(version, (string?)gathered["status"]!["kiosk_version"]);
        Assert.Equal(MainPid(), ((long)gathered["status"]!["pid"]!).ToString(CultureInfo.InvariantCulture));

        string figure = string.Create(CultureInfo.InvariantCulture,
            $"install.yml against the VM (tarball {new FileInfo(tarball).Length / 1e6:F0} MB over ssh, TCG): first run {first.Took.TotalSeconds:F1} s, second run (no changes) {second.Took.TotalSeconds:F1} s; gather.yml {gather.Took.TotalSeconds:F1} s");
        output.WriteLine(figure);
        Figures.Add("figures.md", figure);
    }

    private string MainPid() => _vm.Root("systemctl show -P MainPID kiosk.service").Stdout.Trim();

    /// <summary>One host, the VM: root with the image's admin key, and the image's own content and signing keys.</summary>
    private string Inventory(TempDir dir)
    {
        var host = new JsonObject
        {
            ["ansible_host"] = "127.0.0.1",
            ["ansible_port"] = _vm.SshPort,
            ["ansible_user"] = "root",
            ["ansible_ssh_private_key_file"] = appliance.Image.AdminKey,
            ["ansible_ssh_common_args"] = "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o IdentitiesOnly=yes",
            ["ansible_python_interpreter"] = "/usr/bin/python3",
            // root needs no sudo (the image has none); install.yml's `become: true` is for a Pi's `pi` account.
            ["ansible_become"] = false,
            ["kiosk_tarball"] = Repo.Path("artifacts", "kiosk-linux-x64.tar.gz"),
            ["kiosk_content_user"] = "kiosk",
            ["kiosk_content_key"] = appliance.Image.ContentKey,
            ["kiosk_content_pubkey"] = appliance.Image.ContentKey + ".pub",
            ["kiosk_ssh_options"] = new JsonArray("StrictHostKeyChecking=no", "UserKnownHostsFile=/dev/null", "LogLevel=ERROR"),
            ["kiosk_trusted_keys"] = new JsonArray(appliance.Image.SigningPublicKey),
            ["kiosk_cli"] = appliance.Image.Kiosk,
            ["kiosk_report_dir"] = Path.Combine(dir.Path, "reports"),
            // The appliance as deploy/vm/kiosk-vm.json has it (DRM chosen by itself, every keyboard, no attract
            // loop under the other tests' screendumps), now written from host variables, plus one setting of our own.
            ["kiosk_display"] = "auto",
            ["kiosk_inputs"] = "keyboards",
            ["kiosk_rotation"] = 0,
            ["kiosk_profile"] = "1920x1080",
            ["kiosk_settings"] = new JsonObject
            {
                ["Navigator"] = new JsonObject { ["IdleTimeout"] = "01:00:00" },
                ["Status"] = new JsonObject { ["WriteInterval"] = "00:00:03" },
            },
        };
        var inventory = new JsonObject
        {
            ["all"] = new JsonObject { ["children"] = new JsonObject { ["kiosks"] = new JsonObject { ["hosts"] = new JsonObject { ["kiosk-vm"] = host } } } },
        };
        string path = dir.File("inventory.json");
        File.WriteAllText(path, inventory.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static Command.Result Playbook(string playbook, string inventory, TempDir dir)
    {
        string ansible = Path.Combine(Repo.Path("deploy", "ansible"));
        if (!File.Exists("/usr/bin/ansible-playbook"))
        {
            throw new InvalidOperationException("ansible-playbook is missing: run deploy/setup.sh (it installs Debian's ansible-core)");
        }

        // Run from deploy/ansible with its ansible.cfg, as the README says; Ansible's own state in the test's folder.
        return Command.Run("/bin/sh", ["-c", $"cd {Quote(ansible)} && exec ansible-playbook -i {Quote(inventory)} {playbook}"], TimeSpan.FromMinutes(10), environment: new Dictionary<string, string>
        {
            ["ANSIBLE_CONFIG"] = Path.Combine(ansible, "ansible.cfg"),
            ["ANSIBLE_HOME"] = dir.Combine("ansible-home"),
            ["ANSIBLE_LOCAL_TEMP"] = dir.Combine("ansible-tmp"),
            ["ANSIBLE_NOCOLOR"] = "1",
        });
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
