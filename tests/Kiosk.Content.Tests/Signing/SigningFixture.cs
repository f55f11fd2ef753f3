using Kiosk.Content.Packing;

namespace Kiosk.Content.Tests.Signing;

/// <summary>
/// Two small packs compiled once from the store tests' source folder (tests/Kiosk.Host.Tests/Packs/TestSource),
/// differing only in version, and a scratch folder for copies.
/// </summary>
public sealed class SigningFixture : IDisposable
{
    private readonly TempDir _temp = new();

    public SigningFixture()
    {
        Dir = _temp.Path;
        string source = FindSource();
        PackA = Build(source, "1.0.0");
        PackB = Build(source, "2.0.0");
    }

    public string Dir { get; }

    public string PackA { get; }

    public string PackB { get; }

    /// <summary>A private copy a test may sign or change.</summary>
    public string Copy(string pack)
    {
        string copy = Path.Combine(Dir, $"{Guid.NewGuid():N}.kpack");
        File.Copy(pack, copy);
        return copy;
    }

    public void Dispose() => _temp.Dispose();

    private string Build(string source, string version)
    {
        string dir = Path.Combine(Dir, "src-" + version);
        Directory.CreateDirectory(dir);
        foreach (string file in Directory.EnumerateFiles(source, "*.yaml"))
        {
            string text = File.ReadAllText(file).Replace("version: 1.0.0", $"version: {version}", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir, Path.GetFileName(file)), text);
        }

        string output = Path.Combine(Dir, $"pack-{version}.kpack");
        var built = new PackCompiler(TimeProvider.System).Build(dir, output);
        Assert.True(built.Content is not null, string.Join(Environment.NewLine, built.Diagnostics));
        return output;
    }

    private static string FindSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "Kiosk.Host.Tests", "Packs", "TestSource");
            if (File.Exists(Path.Combine(candidate, PackSource.FileName)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"tests/Kiosk.Host.Tests/Packs/TestSource not found above {AppContext.BaseDirectory}");
    }
}
