using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kiosk.SystemTests.Rig;
using Xunit.Abstractions;

namespace Kiosk.SystemTests;

/// <summary>
/// Issue 11's health-gated commit on the appliance, with the published kiosk (no test hooks): the image trusts
/// one signing key (deploy/vm/image.sh --trusted-key, install.sh --trusted-key), so an unsigned pack is refused at
/// the door; a signed pack that verifies but that the renderer cannot draw (<see cref="TestPacks.UnreadableByTheRenderer"/>)
/// is taken in, put on trial, and reverted by the running kiosk to the last committed pack, marked bad in
/// <c>kiosk pack list</c>, with the glass never leaving the good pack.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class HealthGateTests(BootedAppliance appliance, ITestOutputHelper output)
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

        // Signed and verifying, but the renderer cannot load its Latin font: on trial, then reverted.
        string version = $"{major}.1.0";
        string bad = TestPacks.UnreadableByTheRenderer(version, dir.Path);
        var verify = Command.Run(appliance.Image.Kiosk, ["pack", "verify", bad], TimeSpan.FromMinutes(1));
        Assert.True(verify.Ok, "the pack meant to fail only on the device does not verify on the host:\n" + verify);
        int reverts = Kiosk().Count("marked bad and reverted");
        var push = Command.Run(appliance.Image.Kiosk, ["push", bad, .. _vm.PushArgs(), "--json"], TimeSpan.FromMinutes(4));
        output.WriteLine("push of the pack that fails on the device: " + push);
        Assert.True(push.Ok, "receive refused the pack that should verify:\n" + push);
        var host = JsonNode.Parse(push.Stdout)!["hosts"]![0]!;
        Assert.Equal(version, (string?)host["version"]);
        var pushed = System.Diagnostics.Stopwatch.StartNew();

        var waited = _vm.WaitFor("the kiosk to revert the failing pack", () => Kiosk().Count("marked bad and reverted") > reverts, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(500));
        var journal = Kiosk();
        string line = journal.Lines.Last(l => l.Text.Contains("marked bad and reverted", StringComparison.Ordinal)).Text;
        output.WriteLine(line);
        Assert.Contains("no usable 'latin' font", line);
        double trialMs = double.Parse(Reverted().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);

        var after = StoreList();
        var entry = after["packs"]!.AsArray().Single(p => (string?)p!["version"] == version)!;
        Assert.Equal("bad", (string?)entry["state"]);
        Assert.Contains("no usable 'latin' font", (string?)entry["bad_reason"]);
        Assert.False((bool)entry["current"]!);
        Assert.Equal(committed, (string?)after["committed"]);
        Assert.Equal(committed, (string?)after["current"]);
        Assert.Null((string?)after["trial"]);
        string table = _vm.Root("/opt/kiosk/kiosk pack list").Stdout;
        output.WriteLine(table);
        Assert.Matches($@"{Regex.Escape(version)}.*bad: ", table);

        // The glass never left the good pack, and the kiosk is the same process (no restart was needed).
        var diff = appliance.Shows("home", "gate-1-after-revert");
        Assert.True(diff.Same, $"after the revert the glass does not show the last good pack: {diff}");
        Assert.Equal(0, journal.Count("Main process exited"));
        string figure = string.Create(CultureInfo.InvariantCulture,
            $"health gate: signed pack that the renderer cannot draw marked bad and reverted {trialMs:F0} ms after its trial began (kiosk's log); push done -> revert seen over ssh {waited.TotalSeconds:F1} s (incl. the store poll, 2 s, and ssh polling every 0.5 s); unsigned pack refused by receive");
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

    [GeneratedRegex(@"reverted ([0-9]+) ms after its trial began")]
    private static partial Regex Reverted();
}
