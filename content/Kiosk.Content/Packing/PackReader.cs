using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Kiosk.Content.Diagnostics;
using Kiosk.Content.Json;
using Kiosk.Content.Model;

namespace Kiosk.Content.Packing;

/// <summary>
/// Opens a pack and trusts nothing in it: entry names, sizes, compression ratios and checksums are all checked
/// before any JSON is parsed, so a corrupt or hostile file is refused with a message and never crashes the host.
/// </summary>
public static class PackReader
{
    public static LoadedPack Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Refuse(path, string.Empty, ex.Message);
        }
    }

    public static LoadedPack Read(Stream stream, string displayName)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var entries = ReadEntries(zip, displayName);
            if (!entries.TryGetValue(PackFormat.ManifestEntry, out byte[]? manifestBytes))
            {
                throw Refuse(displayName, PackFormat.ManifestEntry, "missing: not a Kiosk pack");
            }

            var manifest = Parse<PackManifest>(manifestBytes, displayName, PackFormat.ManifestEntry);
            if (manifest.Format != PackFormat.Version)
            {
                throw Refuse(displayName, "manifest.json: format", $"pack format {manifest.Format} is not supported (this kiosk reads format {PackFormat.Version})");
            }

            CheckIdentity(manifest, displayName);
            CheckEntries(manifest, entries, displayName);
            var content = Parse<PackContent>(entries[PackFormat.CasesEntry], displayName, PackFormat.CasesEntry);
            if (content.Id != manifest.Id || content.Version != manifest.Version)
            {
                throw Refuse(displayName, PackFormat.CasesEntry, $"is pack {SafeText.Escape(content.Id)} {SafeText.Escape(content.Version)}, but the manifest says {SafeText.Escape(manifest.Id)} {SafeText.Escape(manifest.Version)}");
            }

            if (entries.TryGetValue(PackFormat.SignatureEntry, out byte[]? signatureBytes))
            {
                CheckSignatureKeys(signatureBytes, displayName);
            }
            var fonts = manifest.Entries
                .Where(e => e.Path.StartsWith(PackFormat.FontsFolder, StringComparison.Ordinal))
                .ToDictionary(e => e.Path[PackFormat.FontsFolder.Length..^".ttf".Length], e => entries[e.Path], StringComparer.Ordinal);
            entries.TryGetValue(PackFormat.SignatureEntry, out byte[]? signature);
            return new LoadedPack(manifest, content, fonts, manifestBytes, signature);
        }
        catch (InvalidDataException ex)
        {
            throw Refuse(displayName, string.Empty, $"not a readable zip archive ({ex.Message})");
        }
    }

    private static Dictionary<string, byte[]> ReadEntries(ZipArchive zip, string displayName)
    {
        if (zip.Entries.Count > PackFormat.MaxEntries)
        {
            throw Refuse(displayName, string.Empty, $"{zip.Entries.Count} entries; a pack has at most {PackFormat.MaxEntries}");
        }

        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            string name = entry.FullName;
            if (!PackFormat.IsAllowedEntry(name))
            {
                throw Refuse(displayName, name, "unexpected entry name (a pack holds only manifest.json, cases.json, signature.json and fonts/<role>.ttf)");
            }

            if (entry.Length > PackFormat.MaxBytesOf(name) && PackFormat.MaxBytesOf(name) < PackFormat.MaxEntryBytes)
            {
                throw Refuse(displayName, name, $"declares {entry.Length:N0} bytes; this entry may hold at most {PackFormat.MaxBytesOf(name):N0}");
            }

            if (entry.Length > PackFormat.MaxEntryBytes || (entry.CompressedLength > 0 && entry.Length / Math.Max(1, entry.CompressedLength) > PackFormat.MaxCompressionRatio))
            {
                throw Refuse(displayName, name, $"declares {entry.Length} bytes from {entry.CompressedLength} compressed: over the size or ratio limit");
            }

            if (entries.ContainsKey(name))
            {
                throw Refuse(displayName, name, "entry appears twice");
            }

            entries[name] = ReadBounded(entry, displayName);
        }

        return entries;
    }

    /// <summary>Reads at most the declared length, so a lying header cannot inflate past the limit.</summary>
    private static byte[] ReadBounded(ZipArchiveEntry entry, string displayName)
    {
        long declared = entry.Length;
        byte[] buffer = new byte[declared];
        using var s = entry.Open();
        int read = 0;
        while (read < buffer.Length)
        {
            int n = s.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                throw Refuse(displayName, entry.FullName, $"truncated: {read} of {declared} bytes");
            }

            read += n;
        }

        if (s.ReadByte() != -1)
        {
            throw Refuse(displayName, entry.FullName, "holds more bytes than its header declares");
        }

        return buffer;
    }

    /// <summary>The id and version reach terminals, logs and version comparisons: only safe characters, and semver.</summary>
    private static void CheckIdentity(PackManifest manifest, string displayName)
    {
        if (!PackFormat.IsValidId(manifest.Id))
        {
            throw Refuse(displayName, "manifest.json: id", $"'{SafeText.Escape(manifest.Id)}' is not a pack id (1-{PackFormat.MaxIdChars} of a-z 0-9 . _ -, starting and ending with a letter or digit)");
        }

        if (!PackVersion.TryParse(manifest.Version, out _))
        {
            throw Refuse(displayName, "manifest.json: version", $"'{SafeText.Escape(manifest.Version)}' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0)");
        }

        if (manifest.Title is null || manifest.Title.Any(c => SafeText.IsControl(c) || SafeText.IsBidiControl(c)) || manifest.Title.Length > PackFormat.MaxTextChars)
        {
            throw Refuse(displayName, "manifest.json: title", "holds control characters or bidirectional controls, or is too long");
        }
    }

    private static void CheckEntries(PackManifest manifest, Dictionary<string, byte[]> entries, string displayName)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in manifest.Entries ?? [])
        {
            if (e?.Path is null || !PackFormat.IsAllowedEntry(e.Path) || e.Path == PackFormat.ManifestEntry || e.Path == PackFormat.SignatureEntry)
            {
                throw Refuse(displayName, "manifest.json: entries", $"lists an entry it may not: '{e?.Path}'");
            }

            if (!listed.Add(e.Path))
            {
                throw Refuse(displayName, "manifest.json: entries", $"lists '{e.Path}' twice");
            }

            if (!entries.TryGetValue(e.Path, out byte[]? bytes))
            {
                throw Refuse(displayName, e.Path, "listed in the manifest but missing from the pack");
            }

            if (bytes.LongLength != e.Size)
            {
                throw Refuse(displayName, e.Path, $"size {bytes.LongLength} does not match the manifest's {e.Size}");
            }

            string actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (!string.Equals(actual, e.Sha256, StringComparison.Ordinal))
            {
                throw Refuse(displayName, e.Path, $"sha256 {actual} does not match the manifest's {e.Sha256}");
            }
        }

        foreach (string name in entries.Keys)
        {
            if (name != PackFormat.ManifestEntry && name != PackFormat.SignatureEntry && !listed.Contains(name))
            {
                throw Refuse(displayName, name, "present in the pack but not listed in the manifest");
            }
        }

        if (!listed.Contains(PackFormat.CasesEntry))
        {
            throw Refuse(displayName, PackFormat.CasesEntry, "missing from the manifest");
        }

        if (!listed.Contains(PackFormat.FontEntry("latin")))
        {
            throw Refuse(displayName, PackFormat.FontEntry("latin"), "missing: a pack carries its own Latin font");
        }
    }

    private static T Parse<T>(byte[] bytes, string displayName, string entry)
    {
        try
        {
            using (ParseDocument(bytes, displayName, entry))
            {
            }

            return JsonSerializer.Deserialize(bytes, PackFormat.Json.TypeInfo<T>()) ?? throw Refuse(displayName, entry, "is empty (null)");
        }
        catch (JsonException ex)
        {
            throw Invalid(ex, displayName, entry);
        }
    }

    /// <summary>
    /// The JSON's shape before any binding: nothing in a pack may be a null item (nullable annotations are not
    /// enforced on list items) or name a key twice (a parser keeps the last, a reviewer reads the first).
    /// </summary>
    private static JsonDocument ParseDocument(byte[] bytes, string displayName, string entry)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            throw Refuse(displayName, entry, "not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = PackFormat.Json.MaxDepth });
        }
        catch (JsonException ex)
        {
            throw Invalid(ex, displayName, entry);
        }

        if (NullItem(document.RootElement, "$") is { } path)
        {
            document.Dispose();
            throw Refuse(displayName, $"{entry}: {path}", "null where a value is needed");
        }

        if (JsonKeys.FirstDuplicate(document.RootElement, "$") is { } duplicate)
        {
            document.Dispose();
            throw Refuse(displayName, $"{entry}: {duplicate}", "key given twice");
        }

        return document;
    }

    /// <summary>
    /// The signature check reads signature.json (and calls anything unreadable a bad signature); here only a key
    /// named twice is refused, which that reader would silently resolve.
    /// </summary>
    private static void CheckSignatureKeys(byte[] bytes, string displayName)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = PackFormat.Json.MaxDepth });
            if (JsonKeys.FirstDuplicate(document.RootElement, "$") is { } duplicate)
            {
                throw Refuse(displayName, $"{PackFormat.SignatureEntry}: {duplicate}", "key given twice");
            }
        }
        catch (JsonException)
        {
        }
    }

    private static ContentException Invalid(JsonException ex, string displayName, string entry)
    {
        string where = ex.LineNumber is { } line ? $" at line {line + 1}" : string.Empty;
        string field = string.IsNullOrEmpty(ex.Path) ? entry : $"{entry}: {ex.Path}";
        return Refuse(displayName, field, $"invalid JSON{where}: {ex.Message}");
    }

    private static string? NullItem(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    string itemPath = $"{path}[{i++}]";
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        return itemPath;
                    }

                    if (NullItem(item, itemPath) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (NullItem(property.Value, $"{path}.{property.Name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    internal static ContentException Refuse(string file, string field, string message) =>
        new(new Diagnostic(file, 0, 0, field, message));
}
