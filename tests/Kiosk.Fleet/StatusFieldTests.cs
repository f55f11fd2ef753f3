using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;
using Kiosk.Content.Packing;
using Kiosk.Fleet.Harness;
using Kiosk.Host.Status;
using Kiosk.Render.Frames;

namespace Kiosk.Fleet;

/// <summary>
/// Every field of <c>kiosk status --json</c> (README, "kiosk status") checked against the running kiosk it
/// describes: its process, its store, the PNG files its display wrote, the keys it was sent, the machine.
/// </summary>
[Collection(FleetCollection.Name)]
public sealed class StatusFieldTests(FleetFixture fixture)
{
    private const ushort EvKey = 1;
    private const ushort KeyEnter = 28;
    private const ushort KeyHome = 102;

    private readonly TestFleet _fleet = fixture.Fleet;

    [Fact]
    public void Every_field_of_kiosk_status_matches_the_running_kiosk()
    {
        var host = _fleet[FleetFixture.KeysHost];
        var sent = DateTimeOffset.UtcNow;
        long pressesBefore = (long)TestFleet.Status(host)["presses"]!;
        // Home first: it wakes an attract loop to the home screen (or stays home); Enter then opens the first case.
        Press(KeyHome, KeyEnter);
        string? last = null;
        int same = 0;
        var s = TestFleet.WaitForStatus(host, now =>
        {
            // Settled: the presses counted, the case opened, its resting frame hashed, and the frame count
            // unchanged over several status writes (no transition still playing).
            string frames = now["frames"]!.ToJsonString();
            same = frames == last ? same + 1 : 0;
            last = frames;
            return (long)now["presses"]! == pressesBefore + 2 && (string?)now["screen"] != "home" && now["displays"]![0]!["last_frame_hash"] is not null && same >= 3;
        }, "showing the case opened by Enter");

        var now = DateTimeOffset.UtcNow;
        Assert.True((bool)s["running"]!);
        Assert.StartsWith("running (pid ", (string)s["message"]!);
        Assert.Equal(KioskVersion.Text, (string?)s["kiosk_version"]);
        Assert.Equal(Environment.MachineName, (string?)s["hostname"]);

        int pid = (int)s["pid"]!;
        string cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        Assert.Contains("kiosk.dll run --config " + host.ConfigFile, cmdline);
        Assert.Equal(ProcessIdentity.Read(pid)!.StartTicks, (long)s["process_start_ticks"]!);

        var started = Time(s["started"]);
        var updated = Time(s["updated"]);
        Assert.InRange(started, now.AddMinutes(-30), updated);
        Assert.InRange(updated, sent, now);
        Assert.InRange((double)s["uptime_seconds"]!, (now - started).TotalSeconds - 10, (now - started).TotalSeconds + 1);
        Assert.Null(s["stopped"]);
        Assert.Equal(Path.Combine(host.Store, "status.json"), (string?)s["status_file"]);
        Assert.True(File.Exists((string)s["status_file"]!));

        string current = host.Current!;
        var manifest = PackReader.Read(Path.Combine(host.Store, current, "pack.kpack"));
        var pack = s["pack"]!;
        Assert.Equal([manifest.Manifest.Id, manifest.Manifest.Version, current, "store", "committed"],
            new[] { "id", "version", "sha256", "source", "state" }.Select(f => (string?)pack[f]));
        Assert.InRange(Time(pack["since"]), started, updated);
        Assert.Equal(current, (string?)s["store"]!["sha256"]);
        Assert.Equal(manifest.Content.Cases[0].Id, (string?)s["screen"]);

        string lastPng = Directory.EnumerateFiles(host.Frames, "frame-*.png").Order(StringComparer.Ordinal).Last();
        long pngNumber = long.Parse(Path.GetFileNameWithoutExtension(lastPng)["frame-".Length..], CultureInfo.InvariantCulture);
        var display = s["displays"]!.AsArray().Single()!;
        Assert.Equal($"png:{host.Frames}", (string?)display["name"]);
        Assert.True((bool)display["healthy"]!);
        Assert.Null(display["failing_since"]);
        Assert.Null(display["error"]);
        Assert.Equal(pngNumber, (long)display["frames"]!);
        Assert.Equal(pngNumber, (long)s["frames"]!);
        Assert.InRange(Time(display["last_frame_at"]), new DateTimeOffset(File.GetLastWriteTimeUtc(lastPng)).AddSeconds(-2), updated);
        Assert.Equal(FrameHash.Of(FramePng.Decode(File.ReadAllBytes(lastPng))), (string?)display["last_frame_hash"]);

        Assert.Equal(pressesBefore + 2, (long)s["presses"]!);
        Assert.InRange(Time(s["last_press"]), sent, updated);
        Assert.Null(s["last_error"]);
        Assert.Equal(ExpectedTemperature(), (double?)s["temperature_c"]);
        Assert.Equal(File.Exists("/sys/devices/platform/soc/soc:firmware/get_throttled") || ChildProcess.Which("vcgencmd") is not null, s["throttled"] is not null);
    }

    [Fact]
    public void Status_says_when_no_kiosk_runs_and_when_one_died_without_stopping()
    {
        var host = _fleet.Hosts.Single(h => !h.Online);
        var never = TestFleet.Status(host);
        Assert.False((bool)never["running"]!);
        Assert.Contains("no status file", (string)never["message"]!);
        Assert.Null(never["pack"]);

        host.Install(fixture.Packs.Pack("1.0.0"));
        host.StartKiosk();
        try
        {
            TestFleet.WaitForStatus(host, st => (bool)st["running"]! && st["pack"] is not null, "running");
        }
        finally
        {
            host.KillKiosk();
        }

        var died = TestFleet.WaitForStatus(host, st => !(bool)st["running"]!, "seen as stopped after a kill", TimeSpan.FromSeconds(10));
        Assert.Contains("ended without stopping cleanly", (string)died["message"]!);
        Assert.Equal(host.Current, (string?)died["pack"]!["sha256"]);
        Assert.Null(died["uptime_seconds"]);
    }

    private void Press(params ushort[] keys)
    {
        // Each key down, up and a sync report, as a keyboard sends them (struct input_event, 64-bit).
        var events = new byte[24 * 3 * keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            var record = events.AsSpan(72 * i);
            Event(record[..24], EvKey, keys[i], 1);
            Event(record[24..48], EvKey, keys[i], 0);
            Event(record[48..72], 0, 0, 0);
        }

        fixture.SendKeys(events);
    }

    private static void Event(Span<byte> record, ushort type, ushort code, int value)
    {
        long micros = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        BinaryPrimitives.WriteInt64LittleEndian(record, micros / 1_000_000);
        BinaryPrimitives.WriteInt64LittleEndian(record[8..], micros % 1_000_000);
        BinaryPrimitives.WriteUInt16LittleEndian(record[16..], type);
        BinaryPrimitives.WriteUInt16LittleEndian(record[18..], code);
        BinaryPrimitives.WriteInt32LittleEndian(record[20..], value);
    }

    private static double? ExpectedTemperature()
    {
        const string zone = "/sys/class/thermal/thermal_zone0/temp";
        return File.Exists(zone) ? Math.Round(long.Parse(File.ReadAllText(zone).Trim(), CultureInfo.InvariantCulture) / 1000.0, 1) : null;
    }

    private static DateTimeOffset Time(JsonNode? node) => DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);
}
