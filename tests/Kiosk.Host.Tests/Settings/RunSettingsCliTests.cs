using Kiosk.Host.Cli;
using Kiosk.Tests.Shared;

namespace Kiosk.Host.Tests.Settings;

/// <summary>
/// <c>kiosk run --config bad.json</c>, as a technician meets it: for a bad value in every section, exactly one
/// line on stderr naming the key, no stack trace, exit code 2, and nothing started.
/// </summary>
public sealed class RunSettingsCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    public static TheoryData<string, string> BadValues => new()
    {
        { """{ "Kiosk": { "MaxFps": 0 } }""", "kiosk: Kiosk:MaxFps: " },
        { """{ "Kiosk": { "PackPollInterval": "10675199.02:48:05" } }""", "kiosk: Kiosk:PackPollInterval: " },
        { """{ "Kiosk": { "Display": "vga" } }""", "kiosk: Kiosk:Display: " },
        { """{ "Kiosk": { "Display": "fbdev:/etc/passwd" } }""", "kiosk: Kiosk:Display: " },
        { """{ "Preview": { "Url": "http://0.0.0.0:8080" } }""", "kiosk: Preview:Url: " },
        { """{ "Kiosk": { "Display": "spi:st7789" }, "DisplayOptions": { "Rotation": 45 } }""", "kiosk: DisplayOptions:Rotation: " },
        { """{ "Navigator": { "AttractInterval": "-00:00:01" } }""", "kiosk: Navigator:AttractInterval: " },
        { """{ "Gpio": { "Pins": { "Next": 40 } } }""", "kiosk: Gpio:Pins:Next: " },
        { """{ "Gpio": { "Pins": { "Next": 5, "Previous": 5 } } }""", "kiosk: Gpio:Pins:Previous: " },
        { """{ "Gpio": { "Debounce": "-00:00:00.010" } }""", "kiosk: Gpio:Debounce: " },
        { """{ "Evdev": { "Keys": { "9999": "Next" } } }""", "kiosk: Evdev:Keys:9999: " },
        { """{ "Evdev": { "ReopenDelay": "-00:00:01" } }""", "kiosk: Evdev:ReopenDelay: " },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_in_any_section_gives_one_line_naming_its_key_and_exit_2(string json, string expectedStart)
    {
        string file = _dir.File("kiosk.json");
        File.WriteAllText(file, json);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = KioskCli.Invoke(["run", "--config", file], new CliConsole(stdout, stderr), TimeProvider.System);

        Assert.Equal(ExitCodes.Usage, code);
        string line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stdout + line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a zip", "cases.json is not in here")]
    [InlineData("empty", "")]
    [InlineData("truncated", "seed")]
    public void A_refused_pack_file_gives_one_line_and_exit_2(string what, string content)
    {
        // The probe's `kiosk run --pack notzip.kpack`: a 27-line stack trace and exit 1 before the fix.
        string pack = _dir.File($"{what.Replace(' ', '-')}.kpack");
        File.WriteAllBytes(pack, content == "seed" ? File.ReadAllBytes(SeedPack.Path)[..1000] : System.Text.Encoding.UTF8.GetBytes(content));
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = KioskCli.Invoke(["run", "--pack", pack], new CliConsole(stdout, stderr), TimeProvider.System);

        Assert.Equal(ExitCodes.Usage, code);
        string line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("kiosk: Kiosk:Pack: ", line, StringComparison.Ordinal);
        Assert.Contains(pack, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stdout + line, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
