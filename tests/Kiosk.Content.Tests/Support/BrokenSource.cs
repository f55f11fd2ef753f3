using Microsoft.Extensions.Time.Testing;
using Kiosk.Content.Diagnostics;
using Kiosk.Content.Packing;

namespace Kiosk.Content.Tests.Support;

/// <summary>
/// The test case source with one line changed, compiled: each validation test breaks exactly one thing and
/// asserts the diagnostic names the file, the line and the field.
/// </summary>
internal sealed class BrokenSource : IDisposable
{
    private readonly TempDir _dir = new();

    public BrokenSource(string find, string replace, int occurrence = 1)
    {
        string text = System.IO.File.ReadAllText(System.IO.Path.Combine(TestFiles.TestSource, "river-town.yaml"));
        int at = -1;
        for (int i = 0; i < occurrence; i++)
        {
            at = text.IndexOf(find, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"fixture no longer contains '{find}' (occurrence {occurrence})");
        }

        Text = string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
        // The line the change landed on, counted in the file as written: the answer comes from the fixture.
        ChangedLine = Text[..at].Count(c => c == '\n') + 1;
        System.IO.File.Copy(System.IO.Path.Combine(TestFiles.TestSource, PackSource.FileName), _dir.File(PackSource.FileName));
        System.IO.File.WriteAllText(_dir.File("river-town.yaml"), Text);
    }

    public string Text { get; }

    public int ChangedLine { get; }

    public string Folder => _dir.Path;

    public string CaseFile => _dir.File("river-town.yaml");

    public string Output => _dir.File("out.kpack");

    public PackCompiler.Result Build() => new PackCompiler(FakeClock.AtPackBuildTime()).Build(Folder, Output);

    public Diagnostic Single(string field)
    {
        var result = Build();
        Assert.Null(result.Content);
        Assert.False(System.IO.File.Exists(Output), "a refused build must not write a pack");
        var matches = result.Diagnostics.Where(d => d.Field == field).ToList();
        Assert.True(matches.Count == 1, $"expected one diagnostic for {field}, got:\n{string.Join("\n", result.Diagnostics)}");
        Assert.EndsWith("river-town.yaml", matches[0].File);
        return matches[0];
    }

    public void Dispose() => _dir.Dispose();
}
