using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Kiosk.Faults.Packs;

/// <summary>Takes a pack apart into entries and puts entries back together as a zip, in any order or shape.</summary>
public static class PackParts
{
    /// <summary>Unix mode of a symbolic link (S_IFLNK | 0777) in the high half of the external attributes.</summary>
    public const int SymlinkAttributes = unchecked((int)0xA1FF0000);

    private static readonly DateTimeOffset Stamp = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static List<PackPart> Read(byte[] pack)
    {
        using var zip = new ZipArchive(new MemoryStream(pack), ZipArchiveMode.Read);
        var parts = new List<PackPart>();
        foreach (var entry in zip.Entries)
        {
            using var s = entry.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            parts.Add(new PackPart(entry.FullName, copy.ToArray(), entry.ExternalAttributes));
        }

        return parts;
    }

    public static byte[] Write(IEnumerable<PackPart> parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in parts)
            {
                var entry = zip.CreateEntry(part.Name, part.Level);
                entry.LastWriteTime = Stamp;
                entry.ExternalAttributes = part.ExternalAttributes;
                using var s = entry.Open();
                s.Write(part.Bytes);
            }
        }

        return output.ToArray();
    }

    /// <summary>Replaces one entry's bytes and makes the manifest's size and sha256 for it match again.</summary>
    public static List<PackPart> ReplaceConsistently(IReadOnlyList<PackPart> parts, string name, byte[] bytes, CompressionLevel level = CompressionLevel.NoCompression)
    {
        var result = parts.Select(p => p.Name == name ? p with { Bytes = bytes, Level = level } : p).ToList();
        int m = result.FindIndex(p => p.Name == "manifest.json");
        var manifest = JsonNode.Parse(result[m].Bytes)!.AsObject();
        foreach (var e in manifest["entries"]!.AsArray())
        {
            if ((string?)e!["path"] == name)
            {
                e["size"] = bytes.LongLength;
                e["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
            }
        }

        result[m] = result[m] with { Bytes = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString()) };
        return result;
    }

    /// <summary>Edits the manifest JSON (entry bytes unchanged).</summary>
    public static List<PackPart> EditManifest(IReadOnlyList<PackPart> parts, Action<JsonObject> edit)
    {
        var result = parts.ToList();
        int m = result.FindIndex(p => p.Name == "manifest.json");
        var manifest = JsonNode.Parse(result[m].Bytes)!.AsObject();
        edit(manifest);
        result[m] = result[m] with { Bytes = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString()) };
        return result;
    }
}
