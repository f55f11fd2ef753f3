namespace Kiosk.SystemTests.Rig;

/// <summary>Packs compiled from this repository's seeds/ with another title and version, so the glass tells them apart.</summary>
public static class TestPacks
{
    public static string Variant(string version, string title, string dir)
    {
        string source = Path.Combine(dir, "seeds-" + version);
        Directory.CreateDirectory(source);
        foreach (string file in Directory.GetFiles(Repo.Path("seeds")))
        {
            File.Copy(file, Path.Combine(source, Path.GetFileName(file)), overwrite: true);
        }

        string manifest = Path.Combine(source, "pack.yaml");
        var lines = File.ReadAllLines(manifest).Select(l =>
            l.StartsWith("version:", StringComparison.Ordinal) ? $"version: {version}"
            : l.StartsWith("title:", StringComparison.Ordinal) ? $"title: {title}"
            : l);
        File.WriteAllLines(manifest, lines);
        return PackBuilder.Build(source, Path.Combine(dir, $"cases-{version}.kpack"));
    }
}
