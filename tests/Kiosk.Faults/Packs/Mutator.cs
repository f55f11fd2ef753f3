using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Kiosk.Faults.Packs;

/// <summary>
/// Applies a <see cref="Mutation"/> to the built-in pack. Deterministic: the same mutation always gives the same
/// bytes, so a failing mutant can be replayed from its printed name.
/// </summary>
public sealed class Mutator
{
    /// <summary>Names an entry must never be allowed to have: zip-slip, absolute, look-alike and unknown.</summary>
    public static readonly string[] HostileNames =
    [
        "../../etc/x", "/etc/passwd", "fonts/../cases.json", "fonts\\latin.ttf", "./cases.json", "cases.json/",
        "CASES.JSON", "fonts/latin.TTF", "..\\..\\x", "C:/Windows/x", "fonts/evil.ttf", "fonts/", "fonts//latin.ttf",
        "manifest.json/../cases.json", "/fonts/latin.ttf", "~/x", "fonts/latin.ttf ", " cases.json", "cases.json\u200b",
    ];

    private readonly byte[] _raw;
    private readonly IReadOnlyList<PackPart> _parts;

    public Mutator(byte[] pack)
    {
        _raw = pack;
        _parts = PackParts.Read(pack);
    }

    public byte[] Original => _raw;

    /// <summary>What the last <see cref="Apply"/> changed, where that is not obvious from the mutation (a JSON path).</summary>
    public string LastDetail { get; private set; } = string.Empty;

    public byte[] Apply(Mutation m)
    {
        var rnd = new Random(m.A ^ (m.B * 31));
        LastDetail = string.Empty;
        var parts = _parts;
        int count = parts.Count;
        switch (m.Kind)
        {
            case MutationKind.BitFlips:
            {
                byte[] copy = (byte[])_raw.Clone();
                int flips = (m.B % 8) + 1;
                for (int i = 0; i < flips; i++)
                {
                    long bit = rnd.NextInt64((long)copy.Length * 8);
                    copy[bit / 8] ^= (byte)(1 << (int)(bit % 8));
                }

                return copy;
            }

            case MutationKind.Truncate:
                return _raw[..(m.A % _raw.Length)];

            case MutationKind.RemoveEntry:
                return PackParts.Write(parts.Where((_, i) => i != m.A % count));

            case MutationKind.DuplicateEntry:
            {
                var list = parts.ToList();
                list.Insert(m.B % (count + 1), parts[m.A % count]);
                return PackParts.Write(list);
            }

            case MutationKind.RenameEntry:
            {
                var names = HostileNames.Concat(parts.Select(p => p.Name)).Append("signature.json").Append("fonts/cjk.ttf").ToArray();
                int victim = m.A % count;
                return PackParts.Write(parts.Select((p, i) => i == victim ? p with { Name = names[m.B % names.Length] } : p));
            }

            case MutationKind.ReorderEntries:
                return PackParts.Write(parts.OrderBy(_ => rnd.Next()));

            case MutationKind.AddHostileEntry:
            {
                var list = parts.ToList();
                list.Insert(m.B % (count + 1), new PackPart(HostileNames[m.A % HostileNames.Length], "#!/bin/sh\nrm -rf /\n"u8.ToArray()));
                return PackParts.Write(list);
            }

            case MutationKind.SymlinkEntry:
            {
                if (m.B % 2 == 0)
                {
                    // An allowed entry marked as a link: a reader that never extracts must not care.
                    int victim = m.A % count;
                    return PackParts.Write(parts.Select((p, i) => i == victim ? p with { ExternalAttributes = PackParts.SymlinkAttributes } : p));
                }

                var list = parts.ToList();
                list.Add(new PackPart(HostileNames[m.A % HostileNames.Length], "../../../../etc/passwd"u8.ToArray(), PackParts.SymlinkAttributes));
                return PackParts.Write(list);
            }

            case MutationKind.RecompressEntry:
            {
                int victim = m.A % count;
                var level = (CompressionLevel)(m.B % 4);
                return PackParts.Write(parts.Select((p, i) => i == victim ? p with { Level = level } : p));
            }

            case MutationKind.ManifestWrongHash:
                return PackParts.Write(PackParts.EditManifest(parts, manifest =>
                {
                    var entries = manifest["entries"]!.AsArray();
                    var e = entries[m.A % entries.Count]!.AsObject();
                    string sha = (string)e["sha256"]!;
                    e["sha256"] = (m.B % 5) switch
                    {
                        0 => (sha[0] == '0' ? "1" : "0") + sha[1..],
                        1 => sha.ToUpperInvariant(),
                        2 => string.Empty,
                        3 => null,
                        _ => new string('f', 64),
                    };
                }));

            case MutationKind.ManifestWrongFormat:
                return PackParts.Write(PackParts.EditManifest(parts, manifest =>
                    manifest["format"] = (m.B % 7) switch
                    {
                        0 => 0,
                        1 => 2,
                        2 => -1,
                        3 => int.MaxValue,
                        4 => "1",
                        5 => 1.5,
                        _ => JsonValue.Create(long.MaxValue),
                    }));

            case MutationKind.ManifestHugeSize:
                return PackParts.Write(PackParts.EditManifest(parts, manifest =>
                {
                    var entries = manifest["entries"]!.AsArray();
                    var e = entries[m.A % entries.Count]!.AsObject();
                    long size = (long)e["size"]!;
                    e["size"] = (m.B % 6) switch
                    {
                        0 => JsonValue.Create(long.MaxValue),
                        1 => -1,
                        2 => size + 1,
                        3 => 1e30,
                        4 => 0,
                        _ => size * 1000,
                    };
                }));

            case MutationKind.ManifestEditField:
                return PackParts.Write(PackParts.EditManifest(parts, manifest =>
                {
                    string[] fields = ["format", "id", "version", "title", "created", "entries", "unknown_field"];
                    string field = fields[m.A % fields.Length];
                    LastDetail = $"manifest {field} variant {m.B % 6}";
                    switch (m.B % 6)
                    {
                        case 0:
                            manifest.Remove(field);
                            break;
                        case 1:
                            manifest[field] = null;
                            break;
                        case 2:
                            manifest[field] = string.Empty;
                            break;
                        case 3:
                            manifest[field] = 7;
                            break;
                        case 4:
                            manifest[field] = new string('v', 10 * 1024 * 1024 / 16);
                            break;
                        default:
                            manifest[field] = new JsonArray(new JsonObject { ["path"] = "../../etc/x", ["size"] = 1, ["sha256"] = "00" });
                            break;
                    }
                }));

            case MutationKind.ManifestDeepNesting:
            {
                int depth = 33 + (m.A % 20_000);
                return PackParts.Write(Replace(parts, "manifest.json", Nest(Encoding.UTF8.GetString(parts.First(p => p.Name == "manifest.json").Bytes), depth, m.B)));
            }

            case MutationKind.ManifestInvalidUtf8:
                return PackParts.Write(Replace(parts, "manifest.json", InsertInvalidUtf8(parts.First(p => p.Name == "manifest.json").Bytes, m)));

            case MutationKind.CasesReplaceNode:
                return PackParts.Write(PackParts.ReplaceConsistently(parts, "cases.json", ReplaceNode(Cases(parts), m, rnd)));

            case MutationKind.CasesInvalidUtf8:
                return PackParts.Write(PackParts.ReplaceConsistently(parts, "cases.json", InsertInvalidUtf8(Cases(parts), m)));

            case MutationKind.CasesDeepNesting:
                return PackParts.Write(PackParts.ReplaceConsistently(parts, "cases.json", Nest(Encoding.UTF8.GetString(Cases(parts)), 33 + (m.A % 20_000), m.B)));

            case MutationKind.CasesHugeString:
            {
                var root = JsonNode.Parse(Cases(parts))!;
                var strings = Nodes(root).Where(n => n.Node is JsonValue v && v.TryGetValue<string>(out _)).ToList();
                var target = strings[m.A % strings.Count];
                string huge = (m.B % 3) switch
                {
                    0 => new string('a', 10 * 1024 * 1024),
                    1 => string.Concat(Enumerable.Repeat("word ", 2 * 1024 * 1024)),
                    _ => new string('城', 4 * 1024 * 1024),
                };
                LastDetail = $"{target.Node?.GetPath()} := {huge.Length:N0} chars";
                Set(target, JsonValue.Create(huge));
                return PackParts.Write(PackParts.ReplaceConsistently(parts, "cases.json", Encoding.UTF8.GetBytes(root.ToJsonString()), CompressionLevel.Fastest));
            }

            case MutationKind.ZipBomb:
            {
                // Valid JSON followed by 20 MB of whitespace: deflate packs it about 1000:1.
                byte[] cases = Cases(parts);
                byte[] bomb = new byte[cases.Length + (20 * 1024 * 1024)];
                cases.CopyTo(bomb, 0);
                bomb.AsSpan(cases.Length).Fill((byte)' ');
                string target = m.B % 2 == 0 ? "cases.json" : "fonts/latin.ttf";
                var replaced = target == "cases.json" ? bomb : Fill(20 * 1024 * 1024, 0);
                return PackParts.Write(PackParts.ReplaceConsistently(parts, target, replaced, CompressionLevel.SmallestSize));
            }

            case MutationKind.FontNotAFont:
            {
                var fonts = parts.Where(p => p.Name.StartsWith("fonts/", StringComparison.Ordinal)).ToList();
                var font = fonts[m.A % fonts.Count];
                LastDetail = $"{font.Name} variant {m.B % 5}";
                byte[] junk = (m.B % 5) switch
                {
                    0 => RandomBytes(rnd, 1 + rnd.Next(100_000)),
                    1 => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. RandomBytes(rnd, 5000)],
                    2 => font.Bytes[..(font.Bytes.Length / 2)],
                    3 => [],
                    _ => Cases(parts),
                };
                return PackParts.Write(PackParts.ReplaceConsistently(parts, font.Name, junk));
            }

            case MutationKind.FontSwap:
            {
                var fonts = parts.Where(p => p.Name.StartsWith("fonts/", StringComparison.Ordinal)).ToList();
                var a = fonts[m.A % fonts.Count];
                var b = fonts[m.B % fonts.Count];
                return PackParts.Write(PackParts.ReplaceConsistently(PackParts.ReplaceConsistently(parts, a.Name, b.Bytes), b.Name, a.Bytes));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(m), m.Kind, "no such mutation");
        }
    }

    private static byte[] Cases(IReadOnlyList<PackPart> parts) => parts.First(p => p.Name == "cases.json").Bytes;

    private static List<PackPart> Replace(IReadOnlyList<PackPart> parts, string name, byte[] bytes) =>
        parts.Select(p => p.Name == name ? p with { Bytes = bytes } : p).ToList();

    /// <summary>Wraps the document (or puts beside it) a tower of nested arrays or objects.</summary>
    private static byte[] Nest(string json, int depth, int variant)
    {
        var sb = new StringBuilder(json.Length + (depth * 8));
        bool objects = variant % 2 == 0;
        for (int i = 0; i < depth; i++)
        {
            sb.Append(objects ? "{\"a\":" : "[");
        }

        sb.Append(json);
        for (int i = 0; i < depth; i++)
        {
            sb.Append(objects ? '}' : ']');
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static readonly byte[][] InvalidSequences =
    [
        [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0x80],
    ];

    /// <summary>Puts an invalid UTF-8 sequence right after the opening quote of some string.</summary>
    private static byte[] InsertInvalidUtf8(byte[] json, Mutation m)
    {
        var quotes = new List<int>();
        for (int i = 0; i + 1 < json.Length; i++)
        {
            if (json[i] == (byte)'"' && char.IsLetter((char)json[i + 1]))
            {
                quotes.Add(i + 1);
            }
        }

        int at = quotes.Count == 0 ? 0 : quotes[m.A % quotes.Count];
        byte[] bad = InvalidSequences[m.B % InvalidSequences.Length];
        return [.. json.AsSpan(0, at), .. bad, .. json.AsSpan(at)];
    }

    private byte[] ReplaceNode(byte[] cases, Mutation m, Random rnd)
    {
        var root = JsonNode.Parse(cases)!;
        var nodes = Nodes(root).ToList();
        var target = nodes[m.A % nodes.Count];
        JsonNode? replacement = (m.B % 14) switch
        {
            0 => null,
            1 => 0,
            2 => -1,
            3 => string.Empty,
            4 => new JsonArray(),
            5 => new JsonObject(),
            6 => true,
            7 => JsonValue.Create(long.MaxValue),
            8 => new string('x', 1 + rnd.Next(2000)),
            9 => "\ud800",
            10 => new JsonArray(JsonValue.Create((string?)null)),
            11 => 1e308,
            12 => target.Node?.DeepClone() is JsonArray a ? Doubled(a) : new JsonArray(JsonValue.Create("x")),
            _ => "  \t\n",
        };
        LastDetail = $"{target.Node?.GetPath() ?? target.Parent!.GetPath() + "/" + (target.Key ?? target.Index.ToString(System.Globalization.CultureInfo.InvariantCulture))} := {Short(replacement)}";
        Set(target, replacement);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static string Short(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "null";
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    private static JsonArray Doubled(JsonArray a)
    {
        var copy = new JsonArray();
        foreach (var item in a)
        {
            copy.Add(item?.DeepClone());
            copy.Add(item?.DeepClone());
        }

        return copy;
    }

    private readonly record struct Located(JsonNode? Node, JsonNode? Parent, string? Key, int Index);

    private static IEnumerable<Located> Nodes(JsonNode root)
    {
        var stack = new Stack<Located>();
        stack.Push(new Located(root, null, null, -1));
        while (stack.Count > 0)
        {
            var here = stack.Pop();
            if (here.Parent is not null)
            {
                yield return here;
            }

            switch (here.Node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        stack.Push(new Located(value, o, key, -1));
                    }

                    break;
                case JsonArray a:
                    for (int i = 0; i < a.Count; i++)
                    {
                        stack.Push(new Located(a[i], a, null, i));
                    }

                    break;
            }
        }
    }

    private static void Set(Located at, JsonNode? value)
    {
        if (at.Parent is JsonObject o)
        {
            o[at.Key!] = value;
        }
        else if (at.Parent is JsonArray a)
        {
            a[at.Index] = value;
        }
    }

    private static byte[] RandomBytes(Random rnd, int length)
    {
        byte[] bytes = new byte[length];
        rnd.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Fill(int length, byte value)
    {
        byte[] bytes = new byte[length];
        Array.Fill(bytes, value);
        return bytes;
    }
}
