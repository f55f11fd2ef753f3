namespace Kiosk.SystemTests.Rig;

/// <summary>
/// A running appliance saved once (QMP stop, migrate to a file, a copy of its disk while stopped) and resumed
/// many times: each resume is a kiosk already on the glass and sshd up, in seconds instead of a boot.
/// </summary>
public sealed class Snapshot : IDisposable
{
    private readonly TempDir _dir = new();

    public Snapshot(Vm vm)
    {
        State = _dir.File("state.bin");
        Disk = _dir.File("disk.img");
        vm.Qmp.Execute("stop");
        vm.Qmp.Execute("migrate", new Dictionary<string, object> { ["uri"] = $"exec:cat > '{State}'" });
        vm.WaitFor("the saved state", () => (string?)vm.Qmp.Execute("query-migrate")?["status"] is "completed" or "failed", TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(200));
        string status = (string?)vm.Qmp.Execute("query-migrate")?["status"] ?? "none";
        Assert.True(status == "completed", $"saving the VM failed: migrate status {status}");
        Command.Must("cp", ["--sparse=always", vm.Disk, Disk], TimeSpan.FromMinutes(2));
        vm.Qmp.Execute("cont");
    }

    public string State { get; }

    public string Disk { get; }

    /// <summary>A new machine from the snapshot on its own copy of the disk, running once this returns.</summary>
    public Vm Resume(ApplianceImage image, string disk)
    {
        Command.Must("cp", ["--sparse=always", Disk, disk], TimeSpan.FromMinutes(2));
        var vm = Vm.Boot(image, disk, State);
        // A machine saved while stopped comes back stopped once its state is loaded.
        vm.WaitFor("the state loaded", () => (string?)vm.Qmp.Execute("query-status")?["status"] is "paused" or "postmigrate" or "running", TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(200));
        if ((string?)vm.Qmp.Execute("query-status")?["status"] != "running")
        {
            vm.Qmp.Execute("cont");
        }

        return vm;
    }

    public void Dispose() => _dir.Dispose();
}
