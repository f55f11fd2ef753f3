using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Kiosk.Tests.Shared;

/// <summary>
/// Rewrites a good pack the way an attacker with a zip tool would: changes one entry and, unless told not to,
/// fixes the manifest's sizes and checksums so only the change itself is left to be caught.
/// </summary>
public static class PackSurgery
{
    public static string Rewrite(string pack, string output, Func<string, byte[], byte[]> entry, Func<string, string>? manifestText = null)
    {
        var entries = new List<(string Name, byte[] Bytes)>();
        using (var zip = ZipFile.OpenRead(pack))
        {
            foreach (var e in zip.Entries)
            {
                using var s = e.Open();
                using var m = new MemoryStream();
                s.CopyTo(m);
                entries.Add((e.FullName, e.FullName == "manifest.json" ? m.ToArray() : entry(e.FullName, m.ToArray())));
            }
        }

        var manifest = JsonNode.Parse(entries.Single(e => e.Name == "manifest.json").Bytes)!.AsObject();
        foreach (var listed in manifest["entries"]!.AsArray())
        {
            byte[] bytes = entries.Single(e => e.Name == listed!["path"]!.GetValue<string>()).Bytes;
            listed!["size"] = bytes.Length;
            listed["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }

        string text = manifest.ToJsonString();
        text = manifestText?.Invoke(text) ?? text;
        using (var file = new FileStream(output, FileMode.Create))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            foreach (var (name, bytes) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(name == "manifest.json" ? Encoding.UTF8.GetBytes(text) : bytes);
            }
        }

        return output;
    }
}
