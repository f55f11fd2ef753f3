using Microsoft.Extensions.Time.Testing;
using Kiosk.Content.Packing;

namespace Kiosk.Faults.Support;

/// <summary>
/// The built-in pack compiled from the repository's <c>seeds/</c> once per test run, in two versions with
/// different bytes (so different sha256s in a store). Tests read or copy them and never write to them.
/// </summary>
public static class SeedPacks
{
    private static readonly Lazy<(string A, string B)> Built = new(Build);
    private static readonly string Dir = Directory.CreateTempSubdirectory("kiosk-faults-seeds-").FullName;

    /// <summary>The built-in pack as the build makes it.</summary>
    public static string A => Built.Value.A;

    /// <summary>The same content with another version, so another file.</summary>
    public static string B => Built.Value.B;

    private static (string, string) Build()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        string a = Path.Combine(Dir, "builtin-a.kpack");
        Compile(RepoPaths.Seeds, a, time);

        string source = Path.Combine(Dir, "seeds-b");
        Directory.CreateDirectory(source);
        foreach (string file in Directory.EnumerateFiles(RepoPaths.Seeds))
        {
            File.Copy(file, Path.Combine(source, Path.GetFileName(file)));
        }

        string packYaml = Path.Combine(source, PackSource.FileName);
        string text = File.ReadAllText(packYaml);
        string changed = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^version:\s*(\S+)", "version: 9.9.9");
        if (changed == text)
        {
            throw new InvalidOperationException($"no version line in {packYaml}");
        }

        File.WriteAllText(packYaml, changed);
        string b = Path.Combine(Dir, "builtin-b.kpack");
        Compile(source, b, time);
        return (a, b);
    }

    private static void Compile(string source, string output, TimeProvider time) => PackBuilder.Build(source, output, time);
}
