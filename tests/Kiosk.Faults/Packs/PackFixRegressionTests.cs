using System.Text;
using System.Text.Json.Nodes;
using Kiosk.Content.Packing;
using Kiosk.Faults.Support;

namespace Kiosk.Faults.Packs;

/// <summary>
/// One test per hole the mutants found in the reader and verifier, each with the smallest pack that showed it:
/// before the fix these crashed the verifier (and with it an install or the pack watcher) or were accepted.
/// </summary>
public sealed class PackFixRegressionTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly List<PackPart> _parts = PackParts.Read(File.ReadAllBytes(SeedPack.Path));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_unmutated_pack_verifies()
    {
        var result = PackVerifier.Verify(Write(_parts));

        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Theory]
    [InlineData("actors", "null item in a list of records")]
    [InlineData("quotes", "null item in a list of quotes")]
    public void A_null_list_item_is_refused_not_a_crash(string list, string why)
    {
        var result = PackVerifier.Verify(EditCases(c => c["cases"]![0]![list]!.AsArray().Insert(0, null)));

        Assert.False(result.Ok, why);
        Assert.Contains(result.Diagnostics, d => d.Field.Contains($"cases[0].{list}[0]", StringComparison.Ordinal) && d.Message.Contains("null", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("latin-bold")]
    [InlineData("cjk")]
    public void A_font_that_is_not_a_font_is_refused(string role)
    {
        string entry = PackFormat.FontEntry(role);
        string path = Write(PackParts.ReplaceConsistently(_parts, entry, Encoding.UTF8.GetBytes("not a font, just text")));

        var result = PackVerifier.Verify(path);

        Assert.False(result.Ok);
        Assert.Contains(result.Diagnostics, d => d.Field == entry && d.Message.Contains("not a font", StringComparison.Ordinal));
    }

    [Fact]
    public void An_enum_given_as_a_number_is_refused()
    {
        // -1 bound to Scale, a value no renderer switch knows.
        var result = PackVerifier.Verify(EditCases(c => c["cases"]![0]!["actors"]![0]!["scale"] = -1));

        Assert.False(result.Ok);
        Assert.Contains(result.Diagnostics, d => d.Field.Contains("scale", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("  \t\n", "empty")]
    [InlineData("", "empty")]
    public void A_blank_title_is_refused(string title, string message)
    {
        var result = PackVerifier.Verify(EditCases(c => c["cases"]![0]!["title"] = title));

        Assert.False(result.Ok);
        Assert.Contains(result.Diagnostics, d => d.Field == "title" && d.Message == message);
    }

    [Fact]
    public void A_ten_megabyte_string_is_refused()
    {
        var result = PackVerifier.Verify(EditCases(c => c["cases"]![0]!["phases"]![0]!["short"] = new string('a', 10 * 1024 * 1024)));

        Assert.False(result.Ok);
        Assert.Contains(result.Diagnostics, d => d.Field == "phases[0].short" && d.Message.Contains("characters", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("manifest.json")]
    [InlineData("cases.json")]
    public void Invalid_utf8_is_refused_not_a_crash(string entry)
    {
        byte[] json = _parts.First(p => p.Name == entry).Bytes;
        int quote = Array.IndexOf(json, (byte)'"');
        byte[] bad = [.. json.AsSpan(0, quote + 1), 0xC3, 0x28, .. json.AsSpan(quote + 1)];
        var parts = entry == PackFormat.ManifestEntry
            ? _parts.Select(p => p.Name == entry ? p with { Bytes = bad } : p)
            : PackParts.ReplaceConsistently(_parts, entry, bad);

        var result = PackVerifier.Verify(Write(parts));

        Assert.False(result.Ok);
        Assert.Contains(result.Diagnostics, d => d.Field == entry && d.Message == "not valid UTF-8");
    }

    private string EditCases(Action<JsonNode> edit)
    {
        var root = JsonNode.Parse(_parts.First(p => p.Name == PackFormat.CasesEntry).Bytes)!;
        edit(root);
        return Write(PackParts.ReplaceConsistently(_parts, PackFormat.CasesEntry, Encoding.UTF8.GetBytes(root.ToJsonString())));
    }

    private string Write(IEnumerable<PackPart> parts)
    {
        string path = _dir.Combine($"{Guid.NewGuid():N}.kpack");
        File.WriteAllBytes(path, PackParts.Write(parts));
        return path;
    }
}
