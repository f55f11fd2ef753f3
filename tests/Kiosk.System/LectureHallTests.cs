using System.Globalization;
using Kiosk.SystemTests.Rig;
using SkiaSharp;
using Xunit.Abstractions;

namespace Kiosk.SystemTests;

/// <summary>
/// Issue 14 on the appliance: with no input settings (kiosk-vm.json lists none), a presenter remote plugged in
/// after boot is read at once. The remote is a second QEMU keyboard hot-plugged over QMP (device_add
/// virtio-keyboard-pci, PCI hot plug into the running guest: a new /dev/input/eventN, made by the kernel and
/// given to the input group by udev), bound to the display (<c>display=video0</c>, the id deploy/vm/boot.sh gives
/// it). Keys sent with <c>input-send-event</c> and <c>device: video0</c> go to the keyboard bound to that display and
/// to no other (QEMU's ui/input.c routes a console's events to its bound handler), and the guest's interrupt counts
/// prove it: the remote's event queue takes interrupts, the boot keyboard's none. Then the remote is unplugged and
/// plugged back, and Page Up from it still moves the glass (the kiosk's process unchanged).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class LectureHallTests(BootedAppliance appliance, ITestOutputHelper output)
{
    private const string Remote = "remote";
    private const string Display = "video0";
    private readonly Vm _vm = appliance.Vm;

    [Fact]
    public void A_keyboard_plugged_in_after_boot_is_read_and_its_Page_Down_and_B_drive_and_blank_the_glass()
    {
        string firstCase = appliance.FirstCaseId();
        _vm.Qmp.Tap("home");
        Assert.True(appliance.Shows("home", "lecture-0-home").Same, "not on the home screen before the remote");
        string pid = MainPid();

        string boot = BootKeyboard();
        string remote = PlugRemote();
        try
        {
            long bootBefore = EventInterrupts(boot), remoteBefore = EventInterrupts(remote);
            Step("1", firstCase, "lecture-1-case");
            Step("pgdn", $"{firstCase}/1", "lecture-2-phase1");
            Step("pgdn", $"{firstCase}/2", "lecture-3-phase2");

            _vm.Qmp.Tap("b", Display);
            var black = Glass.WaitUntilShows(_vm, BlackPng(), Figures.Screendump("lecture-4-blank.png"), TimeSpan.FromSeconds(30));
            output.WriteLine($"b on the remote -> black: {black}");
            Assert.True(black.Same, $"B did not blank the glass: {black}");

            Step("b", $"{firstCase}/2", "lecture-5-unblank");

            long bootAfter = EventInterrupts(boot), remoteAfter = EventInterrupts(remote);
            output.WriteLine($"event-queue interrupts: remote {remote} {remoteBefore} -> {remoteAfter}, boot keyboard {boot} {bootBefore} -> {bootAfter}");
            Assert.True(remoteAfter - remoteBefore >= 5, $"the remote's event queue took {remoteAfter - remoteBefore} interrupts for 5 keys: the keys did not come through it");
            Assert.Equal(bootBefore, bootAfter);
            Figures.Add("figures.md", string.Create(CultureInfo.InvariantCulture,
                $"presenter keys through the hot-plugged keyboard only: its event queue {remoteBefore} -> {remoteAfter} interrupts, the boot keyboard's {bootBefore} -> {bootAfter}"));

            // Unplugged and plugged back (a receiver pulled out and put in again): read again, same process.
            Unplug();
            remote = PlugRemote();
            Step("pgup", $"{firstCase}/1", "lecture-6-replugged");
            Assert.Equal(pid, MainPid());
        }
        finally
        {
            // The appliance is shared (the power-cut test saves and resumes it with boot.sh's devices only).
            Unplug();
        }
    }

    private string PlugRemote()
    {
        var present = VirtioInputs();
        int connected = Kiosk().Count(") connected");
        _vm.Qmp.Execute("device_add", new Dictionary<string, object> { ["driver"] = "virtio-keyboard-pci", ["id"] = Remote, ["addr"] = "0x6", ["display"] = Display });
        var waited = _vm.WaitFor("the kiosk to open the plugged-in remote", () => Kiosk().Count(") connected") > connected, TimeSpan.FromMinutes(2));
        output.WriteLine($"remote plugged in: read by the kiosk after {waited.TotalSeconds:F1} s");
        Figures.Add("figures.md", string.Create(CultureInfo.InvariantCulture,
            $"presenter remote hot-plugged (device_add virtio-keyboard-pci, TCG): kiosk reading it after {waited.TotalSeconds:F1} s"));
        return Assert.Single(VirtioInputs().Except(present));
    }

    /// <summary>device_del, then wait until the guest has let go of it (QEMU removes it from the tree only then).</summary>
    private void Unplug()
    {
        if (!Plugged())
        {
            return;
        }

        _vm.Qmp.Execute("device_del", new Dictionary<string, object> { ["id"] = Remote });
        var gone = _vm.WaitFor("the remote unplugged", () => !Plugged(), TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(500));
        output.WriteLine($"remote unplugged after {gone.TotalSeconds:F1} s");
    }

    private bool Plugged() =>
        _vm.Qmp.Execute("qom-list", new Dictionary<string, object> { ["path"] = "/machine/peripheral" })!.AsArray()
            .Any(p => (string?)p!["name"] == Remote);

    /// <summary>The guest's virtio input devices (virtioN), as its virtio_input driver lists them.</summary>
    private string[] VirtioInputs() =>
        _vm.Root("ls /sys/bus/virtio/drivers/virtio_input | grep '^virtio'").Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The boot keyboard's virtioN: the virtio device under PCI slot 5 (deploy/vm/boot.sh).</summary>
    private string BootKeyboard() =>
        _vm.Root("basename /sys/bus/pci/devices/0000:00:05.0/virtio*").Stdout.Trim();

    /// <summary>
    /// Interrupts the guest took for a virtio input device's queues, summed over the CPUs: <c>virtioN-events</c>, or
    /// <c>virtioN-virtqueues</c> where the device's queues share one MSI-X vector (QEMU's virtio keyboards do).
    /// </summary>
    private long EventInterrupts(string virtio)
    {
        string line = _vm.Root($"grep -E ' {virtio}-(events|virtqueues)$' /proc/interrupts").Stdout;
        Assert.False(string.IsNullOrWhiteSpace(line), $"no {virtio}-events or -virtqueues line in /proc/interrupts:\n{_vm.Root("grep virtio /proc/interrupts").Stdout}");
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).TakeWhile(f => f.All(char.IsAsciiDigit)).Sum(long.Parse);
    }

    private void Step(string key, string screen, string name)
    {
        _vm.Qmp.Tap(key, Display);
        var diff = appliance.Shows(screen, name);
        output.WriteLine($"{key} on the remote -> {screen}: {diff}");
        Assert.True(diff.Same, $"after {key} on the remote: {diff}");
    }

    private string MainPid() => _vm.Root("systemctl show -P MainPID kiosk.service").Stdout.Trim();

    private Journal Kiosk() => Journal.Read(_vm, "-u kiosk");

    /// <summary>A black 1920x1080 picture to compare the blanked glass with.</summary>
    private static string BlackPng()
    {
        string path = Figures.Screendump("lecture-black.expected.png");
        using var bitmap = new SKBitmap(1920, 1080, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(SKColors.Black);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }
}
