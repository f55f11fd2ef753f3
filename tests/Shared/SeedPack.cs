using Kiosk.Content.Packing;

namespace Kiosk.Tests.Shared;

/// <summary>
/// The built-in pack, compiled from the repository's <c>seeds/</c> once per test process (with a fixed build time,
/// so its bytes are the same every run), and the same content under another version (another sha256 in a store).
/// Every test project that needs real content uses these; tests read or copy them and never write to them.
/// </summary>
public static class SeedPack
{
    private static readonly Lazy<string> Dir = new(() => Directory.CreateTempSubdirectory("kiosk-seed-pack-").FullName);
    private static readonly Lazy<string> Built = new(() => PackBuilder.Build(Repo.Path("seeds"), System.IO.Path.Combine(Dir.Value, "builtin.kpack"), FakeClock.AtPackBuildTime()));
    private static readonly Lazy<string> Other = new(BuildOtherVersion);

    /// <summary>The built-in pack as the build makes it.</summary>
    public static string Path => Built.Value;

    /// <summary>The same content as <see cref="Path"/> with version 9.9.9, so another file.</summary>
    public static string OtherVersion => Other.Value;

    public static string RepoRoot => Repo.Root;

    private static string BuildOtherVersion()
    {
        string source = System.IO.Path.Combine(Dir.Value, "seeds-other-version");
        Directory.CreateDirectory(source);
        foreach (string file in Directory.EnumerateFiles(Repo.Path("seeds")))
        {
            File.Copy(file, System.IO.Path.Combine(source, System.IO.Path.GetFileName(file)), overwrite: true);
        }

        string packYaml = System.IO.Path.Combine(source, PackSource.FileName);
        string text = File.ReadAllText(packYaml);
        string changed = System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^version:\s*(\S+)", "version: 9.9.9");
        if (changed == text)
        {
            throw new InvalidOperationException($"no version line in {packYaml}");
        }

        File.WriteAllText(packYaml, changed);
        return PackBuilder.Build(source, System.IO.Path.Combine(Dir.Value, "builtin-other-version.kpack"), FakeClock.AtPackBuildTime());
    }
}
