using System.Globalization;

namespace Kiosk.SystemTests.Rig;

/// <summary>
/// One appliance booted from the image for the tests of a class: boots, waits for sshd and the kiosk's first
/// frame on the glass, and records how long each step took (from the guest's journal, since kernel start).
/// </summary>
public sealed class BootedAppliance : IDisposable
{
    public BootedAppliance()
    {
        Image = ApplianceImage.Instance;
        Vm = Vm.Boot(Image);
        Vm.WaitForSsh(TimeSpan.FromMinutes(6));
        WaitForFirstFrame(Vm, TimeSpan.FromMinutes(4));
        HostSecondsToFirstFrame = Vm.Started.Elapsed.TotalSeconds;
        Boot = Journal.Read(Vm);
        Figures.Replace("figures.md", "# System test figures (tests/Kiosk.System)\n\n");
        Figures.Add("figures.md", $"published kiosk in {Image.PublishSeconds:F0} s, image ready in {Image.ImageSeconds:F0} s ({Image.ImageLog.Split('\n').LastOrDefault()})");
        Figures.Add("figures.md", Describe());
        // Where the boot's time goes, for whoever makes service start -> first frame faster: the kiosk's own log
        // with monotonic stamps, and systemd's view of the chain that led to it.
        Figures.Replace("boot.md", "# Boot of the appliance (tests/Kiosk.System)\n\n```\n" + Vm.Root(
            "systemd-analyze; systemd-analyze critical-chain kiosk.service; systemd-analyze blame | head -n 15; " +
            "journalctl -b -o short-monotonic --no-pager -u kiosk | head -n 40").Stdout + "```\n");
    }

    public ApplianceImage Image { get; }

    public Vm Vm { get; }

    public Journal Boot { get; }

    public double HostSecondsToFirstFrame { get; }

    /// <summary>Packs the tests push, kept as long as the appliance, since the glass goes on showing them.</summary>
    public TempDir Packs { get; } = new();

    /// <summary>
    /// A version newer than any pushed so far: the kiosk refuses downgrades, and the tests that push run in
    /// any order. Each call reserves a major version; minor versions under it are the caller's.
    /// </summary>
    public int NextMajor() => Interlocked.Increment(ref _major);

    private int _major = 1;

    /// <summary>The pack the glass should show (null: the built-in one); the push test changes it.</summary>
    public string? CurrentPack { get; set; }

    public static TimeSpan WaitForFirstFrame(Vm vm, TimeSpan timeout) =>
        vm.WaitFor("kiosk's first frame", () => vm.Root("journalctl -b -u kiosk -o cat --no-pager | grep -q 'first frame on'").Ok, timeout, TimeSpan.FromSeconds(2));

    public string Describe()
    {
        double? multiUser = Boot.First("Reached target multi-user.target");
        double? sshd = Boot.First("Started ssh.service");
        double? starting = Boot.First("Starting kiosk.service");
        double? frame = Boot.First("first frame on");
        double? ready = Boot.First("Started kiosk.service");
        double? card = Boot.First("Initialized bochs-drm");
        string timeline = Boot.Lines.FirstOrDefault(l => l.Text.Contains("start-up, seconds since the process began", StringComparison.Ordinal)).Text ?? "(no start-up line)";
        return string.Create(CultureInfo.InvariantCulture,
            $"boot (seconds since the kernel started, TCG, 2 vCPUs on 2 shared cores): sshd {sshd:F1}, kiosk.service starting {starting:F1}, DRM card (bochs-drm) {card:F1}, first frame {frame:F1}, READY {ready:F1}, multi-user.target {multiUser:F1}; service start -> first frame {frame - starting:F1} s; QEMU start -> first frame (host clock, includes firmware) {HostSecondsToFirstFrame:F1} s; kiosk's own {timeline[(timeline.IndexOf("start-up", StringComparison.Ordinal) is int i and >= 0 ? i : 0)..]}");
    }

    /// <summary>The screen as the host renders it from the pack the glass should show.</summary>
    public string Expected(string screen, string name) =>
        Image.Render(screen, Figures.Screendump(name + ".expected.png"), CurrentPack);

    public Glass.Diff Shows(string screen, string name, TimeSpan? timeout = null) =>
        Glass.WaitUntilShows(Vm, Expected(screen, name), Figures.Screendump(name + ".png"), timeout ?? TimeSpan.FromSeconds(30));

    /// <summary>The id of the first case of the pack on the glass.</summary>
    public string FirstCaseId()
    {
        string pack = CurrentPack ?? Path.Combine(Image.PublishedKiosk, "builtin.kpack");
        var inspect = Command.Must(Image.Kiosk, ["pack", "inspect", pack, "--json"], TimeSpan.FromMinutes(1));
        return (string)System.Text.Json.Nodes.JsonNode.Parse(inspect.Stdout)!["cases"]![0]!["id"]!;
    }

    public void Dispose()
    {
        Vm.Dispose();
        Packs.Dispose();
    }
}
