namespace Kiosk.SystemTests.Rig;

/// <summary>
/// Packs compiled from this repository's seeds/ with another title and version, so the glass tells them apart,
/// signed with the key the appliance trusts (as staff sign before a push) unless asked not to.
/// </summary>
public static class TestPacks
{
    public static string Variant(string version, string title, string dir, bool signed = true)
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
        string pack = PackBuilder.Build(source, Path.Combine(dir, $"cases-{version}{(signed ? "" : "-unsigned")}.kpack"));
        return signed ? ApplianceImage.Instance.Sign(pack) : pack;
    }
}
