using Microsoft.Extensions.Time.Testing;
using System.IO.Compression;
using Kiosk.Content.Packing;
using Kiosk.Content.Tests.Support;

namespace Kiosk.Content.Tests;

public sealed class CompilerTests
{
    [Fact]
    public void TestSourceCompilesToAVerifiedPack()
    {
        using var dir = new TempDir();
        var result = new PackCompiler(FakeClock.AtPackBuildTime()).Build(TestFiles.TestSource, dir.File("t.kpack"));
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Content);

        var verified = PackVerifier.Verify(dir.File("t.kpack"), TestFiles.TestSeeds);
        Assert.True(verified.Ok, string.Join("\n", verified.Diagnostics));
        Assert.Equal("river-town", Assert.Single(verified.Pack!.Content.Cases).Id);
    }

    [Fact]
    public void SameSourcesAndTimeGiveIdenticalPacks()
    {
        using var dir = new TempDir();
        var compiler = new PackCompiler(FakeClock.AtPackBuildTime());
        compiler.Build(TestFiles.TestSource, dir.File("a.kpack"));
        compiler.Build(TestFiles.TestSource, dir.File("b.kpack"));
        Assert.Equal(File.ReadAllBytes(dir.File("a.kpack")), File.ReadAllBytes(dir.File("b.kpack")));
    }

    [Fact]
    public void FontsAreSubsetToTheCharactersUsed()
    {
        using var dir = new TempDir();
        new PackCompiler(FakeClock.AtPackBuildTime()).Build(TestFiles.TestSource, dir.File("t.kpack"));
        var pack = PackReader.Read(dir.File("t.kpack"));
        long original = new FileInfo("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").Length;
        Assert.True(pack.Fonts["latin"].Length * 5 < original, $"subset {pack.Fonts["latin"].Length} bytes vs {original}");
        var cmap = Fonts.GlyphCoverage.ReadCmap(pack.Fonts["latin"]);
        Assert.Contains('R', cmap.Select(c => (char)c));
        Assert.DoesNotContain(0x0416, cmap); // Cyrillic Zhe: in DejaVu, never used by the test case
    }

    [Fact]
    public void RefusedBuildKeepsTheExistingPack()
    {
        using var src = new BrokenSource("    scale: county", "    scale: nowhere");
        File.WriteAllText(src.Output, "previous pack");
        Assert.Null(src.Build().Content);
        Assert.Equal("previous pack", File.ReadAllText(src.Output));
    }

    [Fact]
    public void TheFiveCaseSourcesCompileAndVerifyAgainstTheSeedPapers()
    {
        using var dir = new TempDir();
        var result = new PackCompiler(FakeClock.AtPackBuildTime()).Build(Path.Combine(TestFiles.RepoRoot, "seeds"), dir.File("cases.kpack"));
        Assert.True(result.Content is not null, string.Join("\n", result.Diagnostics));
        Assert.Equal(["jieyang", "kunshan", "suzhou-shenzhen", "inter-county", "zhongguancun"], result.Content.Cases.Select(c => c.Id));
        Assert.All(result.Content.Cases, c => Assert.InRange(c.Phases.Count, 5, 12));

        // The seed papers sit beside the repository in every checkout and CI run (../shared/seeds).
        Assert.True(Directory.Exists(TestFiles.SharedSeeds), $"seed papers expected at {TestFiles.SharedSeeds}");
        var verified = PackVerifier.Verify(dir.File("cases.kpack"), TestFiles.SharedSeeds);
        Assert.True(verified.Ok, string.Join("\n", verified.Diagnostics));
    }

    [Fact]
    public void BuiltInPackCarriesACjkFontWithTheCharactersUsed()
    {
        using var dir = new TempDir();
        new PackCompiler(FakeClock.AtPackBuildTime()).Build(Path.Combine(TestFiles.RepoRoot, "seeds"), dir.File("cases.kpack"));
        var pack = PackReader.Read(dir.File("cases.kpack"));
        var cjk = Fonts.GlyphCoverage.ReadCmap(pack.Fonts["cjk"]);
        Assert.Contains((int)'揭', cjk);
        Assert.True(new FileInfo(dir.File("cases.kpack")).Length < 1_000_000, "the built-in pack stays small");
        using var zip = ZipFile.OpenRead(dir.File("cases.kpack"));
        Assert.Equal(PackFormat.ManifestEntry, zip.Entries[0].FullName);
    }
}
