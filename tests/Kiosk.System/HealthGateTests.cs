using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kiosk.SystemTests.Rig;
using Xunit.Abstractions;

namespace Kiosk.SystemTests;

/// <summary>
/// Issue 11's health-gated commit on the appliance, with the published kiosk (no test hooks): the image trusts
/// one signing key (deploy/vm/image.sh --trusted-key, install.sh --trusted-key), so an unsigned pack is refused at
/// the door; a signed pack that verifies at receive but is damaged on the device's storage before the kiosk starts
/// on it is marked bad in <c>kiosk pack list</c> and the store goes back to the last committed pack, which the glass
/// shows. (A pack that fails in the renderer on a running kiosk is proved in-process with the test build's hooks:
/// since the verifier proves fonts as the renderer reads them, no pack is known that passes receive and fails to draw.)
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class HealthGateTests(BootedAppliance appliance, ITestOutputHelper output)
{
    private readonly Vm _vm = appliance.Vm;

    [Fact]
    public void An_unsigned_pack_is_refused_and_a_signed_pack_that_fails_on_the_device_is_reverted_and_marked_bad()
    {
        using var dir = new TempDir();
        _vm.Qmp.Tap("home");
        Assert.True(appliance.Shows("home", "gate-0-home").Same, "not on the home screen before the pushes");
        var before = StoreList();
        string? committed = (string?)before["committed"];

        // Unsigned: refused by receive, nothing changes in the store.
        int major = appliance.NextMajor();
        string unsigned = TestPacks.Variant($"{major}.0.0", "Unsigned, Five Cases", dir.Path, signed: false);
        var refused = Command.Run(appliance.Image.Kiosk, ["push", unsigned, .. _vm.PushArgs(), "--json"], TimeSpan.FromMinutes(4));
        output.WriteLine("unsigned push: " + refused);
        Assert.False(refused.Ok, "an unsigned pack was taken by a kiosk that trusts a signing key:\n" + refused);
        Assert.Equal("refused", (string?)JsonNode.Parse(refused.Stdout)!["hosts"]![0]!["result"]);
        Assert.Contains("sign", refused.Stdout + refused.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((string?)before["current"], (string?)StoreList()["current"]);

        // Signed and verifying, received while the kiosk is stopped (a technician's restart, a power cycle), then
        // damaged where it lies on the device (an SD card's bad block): the kiosk starts, the pack does not load,
        // it is marked bad and the store goes back to the committed pack, which the glass shows.
        string version = $"{major}.1.0";
        string good = TestPacks.Variant(version, "Damaged on the Device", dir.Path);
        Assert.True(_vm.Root("systemctl stop kiosk").Ok, "could not stop the kiosk");
        var push = Command.Run(appliance.Image.Kiosk, ["push", good, .. _vm.PushArgs(), "--json"], TimeSpan.FromMinutes(4));
        output.WriteLine("push while the kiosk is stopped: " + push);
        Assert.True(push.Ok, "receive refused a signed pack:\n" + push);
        Assert.Equal(version, (string?)JsonNode.Parse(push.Stdout)!["hosts"]![0]!["version"]);
        var received = StoreList();
        string sha = (string)received["current"]!;
        Assert.NotEqual(committed, sha);
        string file = $"/var/lib/kiosk/packs/{sha}/pack.kpack";
        var damaged = _vm.Root($"size=$(stat -c %s {file}) && dd if=/dev/zero of={file} bs=4096 seek=$((size / 8192)) count=1 conv=notrunc status=none && sync");
        Assert.True(damaged.Ok, damaged.ToString());
        Assert.False(_vm.Root($"/opt/kiosk/kiosk pack verify {file}").Ok, "the damaged pack still verifies on the device");

        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(_vm.Root("systemctl start kiosk").Ok, "could not start the kiosk");
        var diff = appliance.Shows("home", "gate-1-after-revert", TimeSpan.FromMinutes(2));
        double seconds = started.Elapsed.TotalSeconds;
        Assert.True(diff.Same, $"after the revert the glass does not show the last good pack: {diff}");
        var journal = Kiosk();
        string line = journal.Lines.Last(l => l.Text.Contains("cannot be shown", StringComparison.Ordinal)).Text;
        output.WriteLine(line);
        Assert.Contains(sha, line);

        var after = StoreList();
        var entry = after["packs"]!.AsArray().Single(p => (string?)p!["version"] == version)!;
        Assert.Equal("bad", (string?)entry["state"]);
        Assert.Contains("did not load at start", (string?)entry["bad_reason"]);
        Assert.False((bool)entry["current"]!);
        Assert.Equal(committed, (string?)after["committed"]);
        Assert.Equal(committed, (string?)after["current"]);
        Assert.Null((string?)after["trial"]);
        string table = _vm.Root("/opt/kiosk/kiosk pack list").Stdout;
        output.WriteLine(table);
        Assert.Matches($@"{Regex.Escape(version)}.*bad: ", table);
        Assert.True(_vm.Root("systemctl is-active kiosk").Ok, "the kiosk is not running after the fallback");

        string figure = string.Create(CultureInfo.InvariantCulture,
            $"health gate: signed pack damaged on the device after receive marked bad and the committed pack back on the glass {seconds:F1} s after `systemctl start kiosk` (screendumps over QMP; includes the kiosk's cold start under TCG); unsigned pack refused by receive");
        output.WriteLine(figure);
        Figures.Add("figures.md", figure);
    }

    private JsonNode StoreList()
    {
        var list = _vm.Root("/opt/kiosk/kiosk pack list --json");
        Assert.True(list.Ok, list.ToString());
        return JsonNode.Parse(list.Stdout)!;
    }

    private Journal Kiosk() => Journal.Read(_vm, "-u kiosk");

}
