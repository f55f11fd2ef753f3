using System.Text;
using Kiosk.Faults.Support;
using Kiosk.Host;
using Kiosk.Host.Settings;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace Kiosk.Faults.Config;

/// <summary>Bad kiosk.json files: each must be refused at start, by <see cref="KioskSettings.Load"/> and by <see cref="KioskHost.Build"/>, with the key named.</summary>
public sealed class ConfigAbuseTests(ITestOutputHelper output)
{
    private const string Area = "6 config and input abuse";

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "unknown section", """{ "Kiosk": {}, "Kisok": { "Display": "preview" } }""", "Kisok" },
        { "unknown key", """{ "Kiosk": { "Dispaly": "preview" } }""", "Dispaly" },
        { "wrong type", """{ "Kiosk": { "MaxFps": "fast" } }""", "MaxFps" },
        { "wrong type (list)", """{ "Kiosk": { "Inputs": "gpio" } }""", "Inputs" },
        { "fps out of range", """{ "Kiosk": { "MaxFps": 100000 } }""", "Kiosk:MaxFps" },
        { "bad input", """{ "Kiosk": { "Inputs": [ "serial:/dev/ttyS0" ] } }""", "Kiosk:Inputs:0" },
        { "bad profile", """{ "Kiosk": { "Profile": "huge" } }""", "Kiosk:Profile" },
        { "navigator timings", """{ "Navigator": { "IdleTimeout": "00:00:01", "AttractInterval": "00:00:08" } }""", "IdleTimeout" },
        { "remote preview", """{ "Preview": { "Url": "http://0.0.0.0:8080" } }""", "Preview:Url" },
        { "remote preview by name", """{ "Preview": { "Url": "http://kiosk.local:8080" } }""", "AllowRemote" },
        { "https preview", """{ "Preview": { "Url": "ftp://127.0.0.1:8080" } }""", "Preview:Url" },
    };

    public static TheoryData<string, string, string> BadGpio => new()
    {
        { "pin out of range", """{ "Kiosk": { "Inputs": [ "gpio" ] }, "Gpio": { "Pins": { "Next": 99 } } }""", "Pins:Next" },
        { "negative pin", """{ "Kiosk": { "Inputs": [ "gpio" ] }, "Gpio": { "Pins": { "Back": -1 } } }""", "Pins:Back" },
        { "same pin twice", """{ "Kiosk": { "Inputs": [ "gpio" ] }, "Gpio": { "Pins": { "Next": 5, "Previous": 5 } } }""", "pin 5" },
        { "unknown command", """{ "Kiosk": { "Inputs": [ "gpio" ] }, "Gpio": { "Pins": { "Explode": 5 } } }""", "Explode" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_setting_is_refused_by_Load_with_its_key_named(string what, string json, string key)
    {
        var ex = Assert.Throws<KioskSettingsException>(() => KioskSettings.Load(FromJson(json)));

        string? named = ex.Errors.FirstOrDefault(e => e.Contains(key, StringComparison.Ordinal));
        Results.Record(output, Area, $"kiosk.json with {what}: Load refuses, naming {key}", named is null ? "NOT NAMED: " + string.Join(" ", ex.Errors) : "yes", "yes");
        Assert.NotNull(named);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    [MemberData(nameof(BadGpio))]
    public void A_bad_file_stops_the_host_before_it_starts_with_the_key_named(string what, string json, string key)
    {
        using var dir = new TempDir();
        string file = dir.Combine("kiosk.json");
        File.WriteAllText(file, json);

        var ex = Assert.ThrowsAny<Exception>(() => KioskHost.Build(file, new Dictionary<string, string?>()).Dispose());

        bool named = ex.ToString().Contains(key, StringComparison.Ordinal);
        Results.Record(output, Area, $"kiosk.json with {what}: KioskHost.Build refuses ({ex.GetType().Name}), naming {key}", named ? "yes" : "NOT NAMED", "yes");
        Assert.True(named, ex.ToString());
    }

    private static IConfiguration FromJson(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}
