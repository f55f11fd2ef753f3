using System.Text.Json.Nodes;
using Kiosk.Fleet.Harness;
using Kiosk.Host.Status;
using Kiosk.Host.Tests.Push;

namespace Kiosk.Fleet;

/// <summary>The playbooks as a reviewer sees them: lint-clean, valid with the example inventory, and the kiosk.json
/// that install.yml writes from host variables accepted by the kiosk for every example host.</summary>
public sealed class PlaybookTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Ansible_lint_passes_on_deploy_ansible()
    {
        Assert.NotNull(ChildProcess.Which("ansible-lint"));
        var ran = ChildProcess.Run("ansible-lint", ["--nocolor"], environment: TestFleet.AnsibleEnvironment(_dir.Path), workingDirectory: TestFleet.AnsibleDir);
        Assert.True(ran.ExitCode == 0, ran.ToString());
        Assert.Contains("0 failure(s), 0 warning(s)", ran.Stdout + ran.Stderr);
    }

    [Theory]
    [InlineData("install.yml")]
    [InlineData("rollout.yml")]
    [InlineData("gather.yml")]
    public void Each_playbook_is_valid_with_the_example_inventory(string playbook)
    {
        var ran = ChildProcess.Run("ansible-playbook", ["--syntax-check", "-i", "inventory.example", playbook], environment: TestFleet.AnsibleEnvironment(_dir.Path), workingDirectory: TestFleet.AnsibleDir);
        Assert.True(ran.ExitCode == 0, ran.ToString());
        Assert.Contains($"playbook: {playbook}", ran.Stdout);
    }

    [Fact]
    public void The_kiosk_json_written_from_each_example_host_is_accepted_by_the_kiosk()
    {
        string playbook = _dir.Combine("render-config.yml");
        File.WriteAllText(playbook, $$$"""
            - name: Write kiosk.json for every example host, here
              hosts: kiosks
              connection: local
              gather_facts: false
              tasks:
                - name: Write it as install.yml does
                  ansible.builtin.import_role:
                    name: kiosk
                    tasks_from: config
                  vars:
                    kiosk_config_file: "{{{_dir.Path}}}/{{ inventory_hostname }}.json"
                    kiosk_config_owner: "{{{Environment.UserName}}}"
                    kiosk_restart: false
            """);
        var environment = TestFleet.AnsibleEnvironment(_dir.Path);
        environment["ANSIBLE_ROLES_PATH"] = Path.Combine(TestFleet.AnsibleDir, "roles");
        var ran = ChildProcess.Run("ansible-playbook", ["-i", Path.Combine(TestFleet.AnsibleDir, "inventory.example"), playbook], environment: environment, workingDirectory: _dir.Path);
        Assert.True(ran.ExitCode == 0, ran.ToString());

        var written = Directory.EnumerateFiles(_dir.Path, "*.json").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["gallery-1", "gallery-2", "gallery-3", "gallery-4", "gallery-5", "hall-a", "hall-b"], written.Select(Path.GetFileNameWithoutExtension));
        foreach (string config in written)
        {
            var settings = JsonNode.Parse(File.ReadAllText(config))!;
            Assert.False(string.IsNullOrEmpty((string?)settings["Kiosk"]!["Display"]), config);
            var status = ChildProcess.Run(Dotnet.Path, [Dotnet.KioskDll, "status", "--json", "--config", config]);
            // Settings accepted (2 would be a settings error); no kiosk has run with that store, so 1, "not running".
            Assert.True(status.ExitCode == StatusExitCode.Unhealthy, $"{config}: {File.ReadAllText(config)}\n{status}");
        }

        var gallery3 = JsonNode.Parse(File.ReadAllText(_dir.Combine("gallery-3.json")))!;
        Assert.Equal("spi:ili9341", (string?)gallery3["Kiosk"]!["Display"]);
        Assert.Equal(270, (int)gallery3["DisplayOptions"]!["Rotation"]!);
        Assert.Equal(["gpio"], gallery3["Kiosk"]!["Inputs"]!.AsArray().Select(i => (string)i!));
    }
}
