using Kiosk.Content.Diagnostics;
using Kiosk.Content.Sources;
using YamlDotNet.RepresentationModel;

namespace Kiosk.Content.Packing;

/// <summary>
/// <c>pack.yaml</c> beside the case sources: the pack's identity and the font files its text is drawn with.
/// Each font lists candidate files; the first that exists is used, so one file serves Debian and other layouts.
/// </summary>
public sealed record PackSource(string Id, string Version, string Title, IReadOnlyList<FontSource> Fonts)
{
    public const string FileName = "pack.yaml";

    public static PackSource? Read(string path, string displayName, DiagnosticBag diagnostics)
    {
        var map = new SourceMap(displayName);
        var root = YamlDocumentLoader.Load(path, displayName, diagnostics);
        var r = new YamlFieldReader(map, diagnostics);
        var m = r.AsMapping(root, string.Empty);
        if (m is null)
        {
            return null;
        }

        int before = diagnostics.Items.Count;
        r.RejectUnknownKeys(m, string.Empty, "id", "version", "title", "fonts");
        string id = r.String(m, "id", string.Empty) ?? string.Empty;
        string version = r.String(m, "version", string.Empty) ?? string.Empty;
        string title = r.String(m, "title", string.Empty) ?? string.Empty;
        var fonts = new List<FontSource>();
        foreach (var (node, itemPath) in r.Sequence(m, "fonts", string.Empty))
        {
            var f = r.AsMapping(node, itemPath);
            if (f is null)
            {
                continue;
            }

            r.RejectUnknownKeys(f, itemPath, "role", "files");
            string role = r.String(f, "role", itemPath) ?? string.Empty;
            if (role.Length > 0 && !PackFormat.FontRoles.Contains(role))
            {
                r.Error($"{itemPath}.role", $"unknown font role '{role}' (expected one of: {string.Join(", ", PackFormat.FontRoles)})");
            }

            var files = r.StringList(f, "files", itemPath);
            string? found = files.Select(p => Path.IsPathRooted(p) ? p : Path.Combine(Path.GetDirectoryName(path)!, p)).FirstOrDefault(File.Exists);
            if (found is null && files.Count > 0)
            {
                r.Error($"{itemPath}.files", $"none of these font files exists: {string.Join(", ", files)} (run deploy/setup.sh to install the fonts)");
            }

            fonts.Add(new FontSource(role, found ?? string.Empty, map.Find($"{itemPath}.files")));
        }

        if (!TextRulesForPack.IsVersion(version) && version.Length > 0)
        {
            r.Error("version", $"'{version}' is not a version (write e.g. 1.2.0)");
        }

        return diagnostics.Items.Count == before ? new PackSource(id, version, title, fonts) : null;
    }
}

public sealed record FontSource(string Role, string File, (int Line, int Column) Position);

internal static class TextRulesForPack
{
    public static bool IsVersion(string text) => text.Split('.').All(p => p.Length > 0 && p.All(char.IsAsciiDigit)) && text.Split('.').Length <= 4;
}
