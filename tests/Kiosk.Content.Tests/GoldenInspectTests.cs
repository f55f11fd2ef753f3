using Microsoft.Extensions.Time.Testing;
using Kiosk.Content.Packing;
using Kiosk.Content.Tests.Support;

namespace Kiosk.Content.Tests;

/// <summary>The JSON other tools read: any change to its shape shows up here as a diff to review.</summary>
public sealed class GoldenInspectTests
{
    [Fact]
    public void InspectJsonMatchesGolden()
    {
        using var dir = new TempDir();
        new PackCompiler(FakeClock.AtPackBuildTime()).Build(TestFiles.TestSource, dir.File("t.kpack"));
        string json = PackInspector.ToJson(PackReader.Read(dir.File("t.kpack"))).ReplaceLineEndings("\n") + "\n";

        if (Environment.GetEnvironmentVariable("KIOSK_UPDATE_GOLDENS") == "1")
        {
            File.WriteAllText(TestFiles.GoldenSource("river-town.inspect.json"), json);
        }

        string golden = File.ReadAllText(TestFiles.Golden("river-town.inspect.json")).ReplaceLineEndings("\n");
        Assert.Equal(golden, json);
    }

    [Fact]
    public void InspectJsonHasTheContractFields()
    {
        using var dir = new TempDir();
        new PackCompiler(FakeClock.AtPackBuildTime()).Build(TestFiles.TestSource, dir.File("t.kpack"));
        using var doc = System.Text.Json.JsonDocument.Parse(PackInspector.ToJson(PackReader.Read(dir.File("t.kpack"))));
        var c = doc.RootElement.GetProperty("cases")[0];
        foreach (string field in new[] { "id", "title", "actors", "phases", "quotes", "glossary" })
        {
            Assert.True(c.TryGetProperty(field, out _), field);
        }

        var phase = c.GetProperty("phases")[0];
        foreach (string field in new[] { "id", "years", "title", "summary", "figures", "diagram" })
        {
            Assert.True(phase.TryGetProperty(field, out _), field);
        }
    }
}
