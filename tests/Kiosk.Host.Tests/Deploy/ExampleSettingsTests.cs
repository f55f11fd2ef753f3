using Kiosk.Host.Display;
using Kiosk.Host.Settings;
using Microsoft.Extensions.Configuration;

namespace Kiosk.Host.Tests.Deploy;

public sealed class ExampleSettingsTests
{
    [Fact]
    public void The_example_kiosk_json_that_install_writes_is_accepted_by_the_kiosk()
    {
        var root = new ConfigurationBuilder().AddJsonFile(RepoFiles.Deploy("kiosk.example.json"), optional: false, reloadOnChange: false).Build();

        var config = KioskSettings.Load(root);

        Assert.Equal("fbdev:/dev/fb0", config.Kiosk.Display);
        Assert.Equal(["gpio"], config.Kiosk.Inputs);
        Assert.Equal("/var/lib/kiosk/packs", config.Kiosk.Store);
        Assert.False(config.PreviewEnabled);
    }
}

/// <summary>Every kiosk.json example in the documentation is one the kiosk accepts: staff copy them verbatim.</summary>
public sealed class DocumentedSettingsTests
{
    public static TheoryData<string> Documents => new()
    {
        "README.md",
        "firmware-host/Kiosk.Host/Display/St7789/README.md",
        "firmware-host/Kiosk.Host/Display/Ili9341/README.md",
        "firmware-host/Kiosk.Host/Display/Fbdev/README.md",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Json_examples_in_the_docs_load(string document)
    {
        string text = File.ReadAllText(Path.Combine(Fakes.SeedPack.RepoRoot, document));
        var blocks = System.Text.RegularExpressions.Regex.Matches(text, "```json\\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .Where(b => b.Contains("\"Kiosk\"", StringComparison.Ordinal) || b.Contains("\"DisplayOptions\"", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(blocks);
        foreach (string json in blocks)
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
            var root = new ConfigurationBuilder().AddJsonStream(stream).Build();
            var config = KioskSettings.Load(root);
            Assert.False(string.IsNullOrEmpty(config.Kiosk.Display));
        }
    }
}
