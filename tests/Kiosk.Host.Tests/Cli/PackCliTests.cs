using System.Text.Json;
using Kiosk.Host.Cli;
using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Host.Tests.Cli;

/// <summary>The verbs staff and scripts call: exit codes 0 / 1 (refused) / 2 (usage), messages on stderr.</summary>
public sealed class PackCliTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void BuildVerifyInspectRender()
    {
        string pack = Path.Combine(_temp.Path, "cases.kpack");
        var (code, output, _) = Run("pack", "build", Path.Combine(SeedPack.RepoRoot, "seeds"), "-o", pack);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("5 cases", output, StringComparison.Ordinal);

        (code, output, _) = Run("pack", "verify", pack, "--sources", Path.Combine(SeedPack.RepoRoot, "..", "shared", "seeds"));
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("quotes checked", output, StringComparison.Ordinal);

        (code, output, _) = Run("pack", "inspect", pack, "--json");
        Assert.Equal(ExitCodes.Ok, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(5, json.RootElement.GetProperty("cases").GetArrayLength());

        string png = Path.Combine(_temp.Path, "d.png");
        (code, _, _) = Run("render", "--pack", pack, "--profile", "480x320", "--screen", "kunshan/2/diagram", "-o", png);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(480, Kiosk.Render.Frames.FramePng.Decode(File.ReadAllBytes(png)).Width);
    }

    [Fact]
    public void BrokenSourceIsRefusedWithFileLineAndField()
    {
        string src = Path.Combine(_temp.Path, "src");
        Directory.CreateDirectory(src);
        File.Copy(Path.Combine(SeedPack.RepoRoot, "seeds", "pack.yaml"), Path.Combine(src, "pack.yaml"));
        string text = File.ReadAllText(Path.Combine(SeedPack.RepoRoot, "seeds", "kunshan.yaml"));
        int at = text.IndexOf("    scale: ", StringComparison.Ordinal);
        int line = text[..at].Count(c => c == '\n') + 1;
        int end = text.IndexOf('\n', at);
        File.WriteAllText(Path.Combine(src, "kunshan.yaml"), string.Concat(text.AsSpan(0, at), "    scale: galactic", text.AsSpan(end)));

        var (code, _, error) = Run("pack", "build", src, "-o", Path.Combine(_temp.Path, "x.kpack"));
        Assert.Equal(ExitCodes.Refused, code);
        Assert.Matches($@"kunshan\.yaml:{line}:12: actors\[0\]\.scale: unknown scale 'galactic'", error);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "x.kpack")));
    }

    [Fact]
    public void CheckFitRefusalLeavesTheExistingOutputUntouched()
    {
        string src = Path.Combine(_temp.Path, "wide");
        Directory.CreateDirectory(src);
        string testSource = Repo.Path("tests", "Kiosk.Host.Tests", "Packs", "TestSource");
        File.Copy(Path.Combine(testSource, "pack.yaml"), Path.Combine(src, "pack.yaml"));
        // One unbreakable 58-letter word (not an abbreviation): within the title limit, wider than any small panel.
        string text = File.ReadAllText(Path.Combine(testSource, "example.yaml"))
            .Replace("title: Example Town Grows Up", "title: W" + new string('w', 57), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(src, "example.yaml"), text);
        string output = Path.Combine(_temp.Path, "out", "cases.kpack");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        byte[] before = [1, 2, 3, 4];
        File.WriteAllBytes(output, before);

        var (code, _, error) = Run("pack", "build", src, "-o", output, "--check-fit");

        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains("text cut to fit", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(output));
        Assert.Equal([output], Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public void TamperedPackIsRefusedByVerify()
    {
        string pack = Path.Combine(_temp.Path, "t.kpack");
        File.Copy(SeedPack.Path, pack);
        using (var f = File.Open(pack, FileMode.Open))
        {
            f.Seek(f.Length / 2, SeekOrigin.Begin);
            int b = f.ReadByte();
            f.Seek(-1, SeekOrigin.Current);
            f.WriteByte((byte)(b ^ 0x5A));
        }

        var (code, _, error) = Run("pack", "verify", pack);
        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains("refused", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageErrorsExitTwo()
    {
        Assert.Equal(ExitCodes.Usage, Run("pack", "build").Code);
        Assert.Equal(ExitCodes.Usage, Run("frobnicate").Code);
        Assert.Equal(ExitCodes.Usage, Run("render", "--pack", SeedPack.Path, "--screen", "nowhere", "-o", Path.Combine(_temp.Path, "n.png")).Code);
    }

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = KioskCli.Invoke(args, new CliConsole(output, error), TimeProvider.System);
        return (code, output.ToString(), error.ToString());
    }
}
