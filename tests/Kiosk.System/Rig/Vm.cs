using System.Diagnostics;

namespace Kiosk.SystemTests.Rig;

/// <summary>
/// One QEMU machine started by deploy/vm/boot.sh on a private copy of the image's disk: its sshd (root with the
/// build's admin key, or the kiosk user with the content key), its QMP socket, and its power (kill = cut).
/// </summary>
public sealed class Vm : IDisposable
{
    private static readonly string[] SshOptions =
    [
        "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
        "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10",
    ];

    private readonly ApplianceImage _image;
    private readonly bool _ownsDisk;
    private Qmp? _qmp;

    private Vm(ApplianceImage image, string disk, string run, bool ownsDisk, Dictionary<string, string> env)
    {
        _image = image;
        Disk = disk;
        RunDir = run;
        _ownsDisk = ownsDisk;
        SshPort = int.Parse(env["ssh_port"], System.Globalization.CultureInfo.InvariantCulture);
        QmpSocket = env["qmp"];
        SerialLog = env["serial"];
        Pid = int.Parse(env["pid"], System.Globalization.CultureInfo.InvariantCulture);
        Started = Stopwatch.StartNew();
    }

    public string Disk { get; }

    public string RunDir { get; }

    public int SshPort { get; }

    public string QmpSocket { get; }

    public string SerialLog { get; }

    public int Pid { get; }

    /// <summary>Since QEMU was started: the host's view of boot time.</summary>
    public Stopwatch Started { get; }

    public Qmp Qmp => _qmp ??= Qmp.Connect(QmpSocket, TimeSpan.FromSeconds(30));

    /// <summary>Boots a fresh copy of the image's disk (or <paramref name="disk"/>, which the VM then owns).</summary>
    public static Vm Boot(ApplianceImage image, string? disk = null, string? incoming = null)
    {
        string run = Directory.CreateTempSubdirectory("kiosk-vm-").FullName;
        bool owns = disk is null;
        disk ??= image.CopyDisk(Path.Combine(run, "disk.img"));
        List<string> args = [Repo.Path("deploy", "vm", "boot.sh"), image.Dir, "--disk", disk, "--run", run];
        if (incoming is not null)
        {
            args.AddRange(["--incoming", incoming]);
        }

        var booted = Command.Must("bash", args, TimeSpan.FromMinutes(1));
        var env = booted.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1].Trim());
        return new Vm(image, disk, run, owns, env);
    }

    /// <summary>A command as root over ssh (the test's way to read the journal and poke the kiosk).</summary>
    public Command.Result Root(string command, TimeSpan? timeout = null) =>
        Command.Run("ssh", [.. SshOptions, "-i", _image.AdminKey, "-p", Port, "root@127.0.0.1", command], timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>ssh as the kiosk user with the content key, with extra ssh arguments and a remote command.</summary>
    public Command.Result AsContentKey(IEnumerable<string> sshArgs, string? stdinFile = null, string? remoteCommand = null)
    {
        List<string> args = [.. SshOptions, "-i", _image.ContentKey, "-p", Port, .. sshArgs, "kiosk@127.0.0.1"];
        if (remoteCommand is not null)
        {
            args.Add(remoteCommand);
        }

        return Command.Run("ssh", args, TimeSpan.FromSeconds(120), stdinFile);
    }

    /// <summary>The host names this VM as for <c>kiosk push</c>, and the options that make ssh use the content key.</summary>
    public IEnumerable<string> PushArgs() =>
    [
        $"kiosk@127.0.0.1:{SshPort}",
        "--ssh-option", $"IdentityFile={_image.ContentKey}", "--ssh-option", "StrictHostKeyChecking=no",
        "--ssh-option", "UserKnownHostsFile=/dev/null", "--ssh-option", "LogLevel=ERROR",
    ];

    public string Port => SshPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until <paramref name="check"/> holds, polling; returns the time it took or throws with the serial log's tail.</summary>
    public TimeSpan WaitFor(string what, Func<bool> check, TimeSpan timeout, TimeSpan? poll = null)
    {
        var clock = Stopwatch.StartNew();
        while (!check())
        {
            if (!Alive)
            {
                throw new InvalidOperationException($"QEMU exited while waiting for {what}; serial log:\n{Tail(SerialLog)}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"no {what} within {timeout.TotalSeconds:F0} s; serial log:\n{Tail(SerialLog)}");
            }

            Thread.Sleep(poll ?? TimeSpan.FromSeconds(1));
        }

        return clock.Elapsed;
    }

    public void WaitForSsh(TimeSpan timeout) =>
        WaitFor("sshd answering", () => Root("true", TimeSpan.FromSeconds(30)).Ok, timeout, TimeSpan.FromSeconds(2));

    public bool Alive
    {
        get
        {
            try
            {
                using var p = Process.GetProcessById(Pid);
                return !p.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    /// <summary>The plug pulled: QEMU killed at once, nothing in the guest's page cache reaches the disk.</summary>
    public void PowerCut()
    {
        _qmp?.Dispose();
        _qmp = null;
        try
        {
            using var p = Process.GetProcessById(Pid);
            p.Kill();
            p.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    private static string Tail(string file) =>
        File.Exists(file) ? string.Join('\n', File.ReadLines(file).TakeLast(25)) : "(none)";

    public void Dispose()
    {
        PowerCut();
        try
        {
            if (!_ownsDisk && File.Exists(Disk))
            {
                // A caller's disk stays; the run folder goes.
            }

            Directory.Delete(RunDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
