using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kiosk.Content.Diagnostics;
using Kiosk.Content.Fonts;
using Kiosk.Content.Json;
using Kiosk.Content.Model;
using Kiosk.Content.Sources;
using Kiosk.Content.Validation;

namespace Kiosk.Content.Packing;

/// <summary>
/// Turns a folder of case sources into one self-contained pack: validated cases as JSON, the fonts cut down
/// to the characters used, and a manifest with a checksum for each entry. Nothing is written unless every
/// source is valid, and the output appears atomically (written beside it, then renamed).
/// </summary>
public sealed class PackCompiler(TimeProvider time)
{
    /// <summary>Characters the renderer draws itself (navigation hints, punctuation), kept in every subset.</summary>

    public sealed record Result(PackContent? Content, IReadOnlyList<Diagnostic> Diagnostics, long Bytes);

    public Result Build(string sourceDir, string outputPath)
    {
        var diagnostics = new DiagnosticBag();
        var compiled = Compile(sourceDir, diagnostics);
        if (compiled is null || diagnostics.HasErrors)
        {
            return new Result(null, diagnostics.Items, 0);
        }

        var (content, fonts) = compiled.Value;
        long bytes = Write(content, fonts, outputPath);
        return new Result(content, diagnostics.Items, bytes);
    }

    /// <summary>Reads and validates every source; returns the content and the subset fonts by role.</summary>
    public (PackContent Content, IReadOnlyDictionary<string, byte[]> Fonts)? Compile(string sourceDir, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(sourceDir))
        {
            diagnostics.Add(new Diagnostic(sourceDir, 0, 0, string.Empty, "no such folder of case sources"));
            return null;
        }

        string packFile = Path.Combine(sourceDir, PackSource.FileName);
        string Display(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        if (!File.Exists(packFile))
        {
            diagnostics.Add(new Diagnostic(Display(packFile), 0, 0, string.Empty, "missing: every source folder has a pack.yaml naming the pack and its fonts"));
            return null;
        }

        var pack = PackSource.Read(packFile, Display(packFile), diagnostics);
        var cases = new List<(CaseStudy Case, SourceMap Map)>();
        foreach (string file in Directory.EnumerateFiles(sourceDir, "*.yaml").Where(f => Path.GetFileName(f) != PackSource.FileName).Order(StringComparer.Ordinal))
        {
            var read = CaseSourceReader.Read(file, Display(file), diagnostics);
            if (read.Case is not null)
            {
                new CaseValidator(read.Map, diagnostics).Validate(read.Case);
                new ReadingBudget(read.Map, diagnostics).Check(read.Case);
                cases.Add((read.Case, read.Map));
            }
        }

        if (pack is null)
        {
            return null;
        }

        if (cases.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Add(new Diagnostic(Display(sourceDir), 0, 0, string.Empty, "no case sources (*.yaml) found"));
        }

        CheckAcrossCases(cases, diagnostics);
        var fonts = LoadFonts(pack, Display(packFile), diagnostics);
        if (fonts is null)
        {
            return null;
        }

        var coverage = GlyphCoverage.FromFonts(fonts.Values);
        foreach (var (c, map) in cases)
        {
            foreach (var (path, text) in CaseTexts.Enumerate(c))
            {
                if (TextRules.FirstForbidden(text) is { } forbidden)
                {
                    diagnostics.Add(map.At(path, forbidden));
                }
                else if (coverage.FirstMissing(text) is { } missing)
                {
                    diagnostics.Add(map.At(path, $"no font in the pack has a glyph for U+{missing.Value:X4} '{missing}'"));
                }
            }
        }

        var ordered = cases.Select(c => c.Case).OrderBy(c => c.Order).ToList();
        var content = new PackContent(pack.Id, pack.Version, pack.Title, ordered);
        var subset = SubsetFonts(fonts, content);
        var used = PackCharacters.Of(content);
        foreach (var (role, bytes) in subset)
        {
            // Proved as the device will prove it: the subset, not the source font, is what reaches the glass.
            if (FontProof.Check(bytes, used) is { } problem)
            {
                diagnostics.Add(new Diagnostic(packFile, 1, 1, "fonts", $"font role '{role}': {problem}"));
            }
        }

        return diagnostics.HasErrors ? null : (content, subset);
    }

    private static void CheckAcrossCases(List<(CaseStudy Case, SourceMap Map)> cases, DiagnosticBag diagnostics)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var orders = new Dictionary<int, string>();
        foreach (var (c, map) in cases)
        {
            if (!ids.TryAdd(c.Id, map.File))
            {
                diagnostics.Add(map.At("id", $"duplicate id '{c.Id}' (also used by {ids[c.Id]})"));
            }

            if (!orders.TryAdd(c.Order, map.File))
            {
                diagnostics.Add(map.At("order", $"order {c.Order} is also used by {orders[c.Order]}"));
            }
        }
    }

    private static Dictionary<string, byte[]>? LoadFonts(PackSource pack, string packFile, DiagnosticBag diagnostics)
    {
        var fonts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var font in pack.Fonts)
        {
            byte[] bytes = File.ReadAllBytes(font.File);
            if (GlyphCoverage.ReadCmap(bytes).Count == 0)
            {
                diagnostics.Add(new Diagnostic(packFile, font.Position.Line, font.Position.Column, "fonts", $"'{font.File}' is not a font with a character map"));
                continue;
            }

            if (!fonts.TryAdd(font.Role, bytes))
            {
                diagnostics.Add(new Diagnostic(packFile, font.Position.Line, font.Position.Column, "fonts", $"font role '{font.Role}' is given twice"));
            }
        }

        if (!fonts.ContainsKey("latin"))
        {
            diagnostics.Add(new Diagnostic(packFile, 1, 1, "fonts", "a pack needs a font with role 'latin'"));
        }

        return diagnostics.HasErrors ? null : fonts;
    }

    private static Dictionary<string, byte[]> SubsetFonts(Dictionary<string, byte[]> fonts, PackContent content)
    {
        var used = PackCharacters.Of(content);
        return fonts.ToDictionary(f => f.Key, f =>
        {
            var cmap = GlyphCoverage.ReadCmap(f.Value);
            return FontSubsetter.Subset(f.Value, used.Where(cmap.Contains));
        });
    }

    private long Write(PackContent content, IReadOnlyDictionary<string, byte[]> fonts, string outputPath)
    {
        var created = time.GetUtcNow();
        var entries = new List<(string Name, byte[] Bytes)>
        {
            (PackFormat.CasesEntry, JsonSerializer.SerializeToUtf8Bytes(content, PackFormat.Json.TypeInfo<PackContent>())),
        };
        entries.AddRange(fonts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (PackFormat.FontEntry(f.Key), f.Value)));

        var manifest = new PackManifest(PackFormat.Version, content.Id, content.Version, content.Title, created,
            entries.Select(e => new PackEntry(e.Name, e.Bytes.Length, Convert.ToHexStringLower(SHA256.HashData(e.Bytes)))).ToList());

        string fullOutput = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullOutput)!);
        string temp = fullOutput + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                AddEntry(zip, PackFormat.ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(manifest, PackFormat.Json.TypeInfo<PackManifest>()), created);
                foreach (var (name, bytes) in entries)
                {
                    AddEntry(zip, name, bytes, created);
                }
            }

            File.Move(temp, fullOutput, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return new FileInfo(fullOutput).Length;
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] bytes, DateTimeOffset created)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize);
        entry.LastWriteTime = created;
        using var stream = entry.Open();
        stream.Write(bytes);
    }
}
