using System.Globalization;
using System.Text.Json.Nodes;
using Kiosk.SystemTests.Rig;
using Xunit.Abstractions;

namespace Kiosk.SystemTests;

/// <summary>
/// The published kiosk on a real kernel with systemd as PID 1, installed by deploy/install.sh, booted in QEMU:
/// what a museum's technician would see on the glass and over ssh.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ApplianceTests(BootedAppliance appliance, ITestOutputHelper output)
{
    private readonly Vm _vm = appliance.Vm;

    [Fact]
    public void The_shipped_unit_runs_the_kiosk_under_its_sandbox_and_reports_ready_after_the_first_frame()
    {
        output.WriteLine(appliance.Describe());
        string installed = _vm.Root("cat /etc/systemd/system/kiosk.service").Stdout;
        Assert.Equal(File.ReadAllText(Repo.Path("deploy", "kiosk.service")), installed);
        Assert.Equal("active", _vm.Root("systemctl is-active kiosk.service").Stdout.Trim());
        Assert.Equal("kiosk", _vm.Root("ps -o user= -p $(systemctl show -P MainPID kiosk.service)").Stdout.Trim());

        // Type=notify: systemd says "Started" only when READY=1 came, and the kiosk sends it right after its first
        // frame and then logs "first frame". journald stamps a line when it arrives, and the log line travels
        // through the logger's queue, so it may land a little after READY; it may not land long before it.
        // (The watchdog test checks the order on the glass: a screendump taken the moment the unit is active.)
        double? frame = appliance.Boot.First("first frame on drm:");
        double? ready = appliance.Boot.First("Started kiosk.service");
        Assert.True(frame is not null, "no 'first frame on drm:' in the journal:\n" + appliance.Boot.Tail());
        Assert.True(ready is not null, "kiosk.service never became active:\n" + appliance.Boot.Tail());
        Assert.True(Math.Abs(frame!.Value - ready!.Value) < 1.0, $"READY at {ready:F3} s, first frame logged at {frame:F3} s: not one step");
        Assert.Equal(0, appliance.Boot.Count("kiosk.service: Main process exited"));

        // The same sandbox, scored by the guest's own systemd on the running unit.
        var score = _vm.Root("systemd-analyze security kiosk.service --no-pager | tail -n 1");
        output.WriteLine(score.Stdout.Trim());
        Assert.Matches(@"Overall exposure level for kiosk\.service: (0|1)\.[0-9]", score.Stdout);
    }

    [Fact]
    public void The_glass_shows_the_same_pixels_as_kiosk_render_and_no_console()
    {
        _vm.Qmp.Tap("home");
        var diff = appliance.Shows("home", "home");
        output.WriteLine(diff.ToString());
        Assert.True(diff.Same, diff.ToString());

        // The console's cursor blinks every 200 ms: a few more looks over a second and a half must all match.
        for (int i = 0; i < 3; i++)
        {
            Thread.Sleep(500);
            _vm.Qmp.Screendump(Figures.Screendump($"home-{i}.png"));
            var again = Glass.Compare(Figures.Screendump($"home-{i}.png"), Figures.Screendump("home.expected.png"));
            Assert.True(again.Same, again.ToString());
        }

        string tty = _vm.Root("cat /sys/class/tty/tty0/active").Stdout.Trim();
        Assert.Equal("tty1", tty);
        Figures.Add("figures.md", $"glass vs kiosk render (home, 1920x1080): {diff.OffPixels} pixels off by more than {Glass.ChannelTolerance}, largest channel difference {diff.MaxDelta}");
    }

    [Fact]
    public void Keys_on_the_keyboard_reach_the_kiosk_through_evdev_and_change_the_glass()
    {
        string firstCase = appliance.FirstCaseId();
        _vm.Qmp.Tap("home");
        Assert.True(appliance.Shows("home", "keys-0-home").Same, "not on the home screen before the keys");

        (string Key, string Screen)[] steps = [("ret", firstCase), ("right", $"{firstCase}/1"), ("ret", $"{firstCase}/1/diagram"), ("home", "home")];
        int n = 1;
        foreach (var (key, screen) in steps)
        {
            _vm.Qmp.Tap(key);
            var diff = appliance.Shows(screen, $"keys-{n++}-{screen.Replace('/', '-')}");
            output.WriteLine($"{key} -> {screen}: {diff}");
            Assert.True(diff.Same, $"after {key}: {diff}");
        }
    }

    [Fact]
    public void A_pack_pushed_over_ssh_with_the_content_key_reaches_the_glass_and_the_key_gets_no_shell_or_forwarding()
    {
        using var dir = new TempDir();
        // The appliance is shared by the tests: start from home, where an earlier test may have left another screen
        // (a pack swapped in keeps the visitor's place, so the glass would show that place in the new pack).
        _vm.Qmp.Tap("home");
        Assert.True(appliance.Shows("home", "push-0-home").Same, "not on the home screen before the push");
        string version = $"{appliance.NextMajor()}.0.0";
        string pack = TestPacks.Variant(version, "Pushed over SSH, Five Cases", appliance.Packs.Path);
        var push = Command.Run(appliance.Image.Kiosk, ["push", pack, .. _vm.PushArgs(), "--json"], TimeSpan.FromMinutes(4));
        output.WriteLine(push.ToString());
        Assert.True(push.Ok, push.ToString());
        var host = JsonNode.Parse(push.Stdout)!["hosts"]![0]!;
        Assert.Equal("ok", (string?)host["result"]);
        Assert.Equal(version, (string?)host["version"]);
        Figures.Add("figures.md", string.Create(CultureInfo.InvariantCulture, $"kiosk push into the VM (pack receive under TCG): {(double?)host["seconds"]:F1} s"));

        appliance.CurrentPack = pack;
        var diff = appliance.Shows("home", "pushed-home", TimeSpan.FromSeconds(60));
        Assert.True(diff.Same, diff.ToString());

        // The forced command, whatever is asked: a pty shell gets nothing, a remote command is ignored.
        string typed = dir.File("typed.txt");
        File.WriteAllText(typed, "echo pwned; id\nexit\n");
        var shell = _vm.AsContentKey(["-tt"], typed);
        Assert.DoesNotContain("pwned", shell.Stdout);
        Assert.DoesNotContain("uid=", shell.Stdout);
        Assert.NotEqual(0, shell.ExitCode);
        var remote = _vm.AsContentKey([], remoteCommand: "echo pwned");
        Assert.DoesNotContain("pwned", remote.Stdout);
        Assert.NotEqual(0, remote.ExitCode);

        var stdio = _vm.AsContentKey(["-W", "127.0.0.1:22"]);
        Assert.NotEqual(0, stdio.ExitCode);
        Assert.DoesNotContain("SSH-2.0", stdio.Stdout);
        var reverse = _vm.AsContentKey(["-N", "-o", "ExitOnForwardFailure=yes", "-R", "127.0.0.1:0:127.0.0.1:9"]);
        Assert.NotEqual(0, reverse.ExitCode);
        Assert.Contains("remote port forwarding failed", reverse.Stderr);

        // And the glass still shows the pushed pack: nothing of the above reached the store.
        Assert.True(appliance.Shows("home", "pushed-home-after").Same);
    }

    [Fact]
    public void A_frozen_kiosk_is_killed_by_the_watchdog_and_restarted_and_the_glass_comes_back()
    {
        string pid = _vm.Root("systemctl show -P MainPID kiosk.service").Stdout.Trim();
        var before = Journal.Read(_vm, "-u kiosk");
        int frames = before.Count("first frame on");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(_vm.Root($"kill -STOP {pid}").Ok);

        // Polled quickly, so the screendump below is taken within a moment of systemd calling the unit active.
        _vm.WaitFor("a restarted kiosk", () =>
        {
            string now = _vm.Root("systemctl show -P MainPID kiosk.service; systemctl is-active kiosk.service").Stdout;
            return !now.StartsWith(pid + "\n", StringComparison.Ordinal) && now.Contains("\nactive", StringComparison.Ordinal);
        }, TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(100));
        double restarted = clock.Elapsed.TotalSeconds;
        _vm.Qmp.Screendump(Figures.Screendump("at-ready.png"));
        var atReady = Glass.Compare(Figures.Screendump("at-ready.png"), appliance.Expected("home", "at-ready"));
        Assert.True(atReady.Same, $"the unit was active before its first frame was on the glass: {atReady}");

        var after = Journal.Read(_vm, "-u kiosk");
        double? timeout = after.Last("Watchdog timeout");
        Assert.True(timeout is not null, "systemd never reported a watchdog timeout:\n" + after.Tail());
        Assert.Equal(frames + 1, after.Count("first frame on"));
        double? ready = after.Last("Started kiosk.service");
        var diff = appliance.Shows("home", "after-watchdog");
        Assert.True(diff.Same, diff.ToString());
        string figure = string.Create(CultureInfo.InvariantCulture,
            $"watchdog: SIGSTOP -> active again with a first frame {restarted:F1} s (WatchdogSec=10, RestartSec=2; watchdog timeout -> READY {ready - timeout:F1} s)");
        output.WriteLine(figure);
        Figures.Add("figures.md", figure);
    }
}
