using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Content.Diagnostics;
using Kiosk.Content.Json;
using Kiosk.Content.Model;

namespace Kiosk.Content.Packing;

/// <summary>What <c>kiosk pack inspect</c> prints: the whole pack as JSON for tools, or a summary for people.</summary>
public static class PackInspector
{
    /// <summary>
    /// Top level <c>pack</c> (identity and entries) and <c>cases</c>, each case exactly as compiled. Field names
    /// are a contract with outside tools: add, never rename.
    /// </summary>
    public static string ToJson(LoadedPack pack)
    {
        var root = new JsonObject
        {
            ["pack"] = new JsonObject
            {
                ["format"] = pack.Manifest.Format,
                ["id"] = pack.Manifest.Id,
                ["version"] = pack.Manifest.Version,
                ["title"] = pack.Manifest.Title,
                ["created"] = pack.Manifest.Created.ToString("O"),
                ["signed"] = pack.Signature is not null,
                ["entries"] = JsonSerializer.SerializeToNode(pack.Manifest.Entries, PackFormat.Json.TypeInfo<IReadOnlyList<PackEntry>>()),
            },
            ["cases"] = JsonSerializer.SerializeToNode(pack.Content.Cases, PackFormat.Json.TypeInfo<IReadOnlyList<CaseStudy>>()),
        };
        return root.ToJsonString(PackFormat.Json);
    }

    /// <summary>The summary for people: one line per entry, case, phase and quote.</summary>
    public static string ToText(LoadedPack pack)
    {
        var m = pack.Manifest;
        var sb = new StringBuilder();
        Line(sb, $"{m.Title} ({m.Id} {m.Version}, format {m.Format}, created {m.Created:yyyy-MM-dd HH:mm}Z{(pack.Signature is null ? string.Empty : ", signed")})");
        foreach (var e in m.Entries)
        {
            Line(sb, $"  {e.Path,-22} {e.Size,10:N0} bytes  sha256 {e.Sha256[..12]}…");
        }

        foreach (var c in pack.Content.Cases)
        {
            sb.AppendLine();
            Line(sb, $"{c.Order}. {c.Title}{(c.TitleZh is null ? string.Empty : "  " + c.TitleZh)}  [{c.Id}]");
            Line(sb, $"   {(c.Citation.Authors.Count == 0 ? "(authors not given in the source)" : string.Join(", ", c.Citation.Authors))} ({c.Citation.Year}) {c.Citation.Journal}");
            Line(sb, $"   places: {string.Join("; ", c.Places.Select(p => $"{p.Name}{(p.NameZh is null ? string.Empty : " " + p.NameZh)} ({p.Lon.ToString(CultureInfo.InvariantCulture)} E, {p.Lat.ToString(CultureInfo.InvariantCulture)} N)"))}");
            Line(sb, $"   {c.Actors.Count} actors, {c.Modes.Count} modes ({string.Join(", ", c.Modes.Select(x => x.Name))}), {c.Glossary.Count} glossary terms, {c.Quotes.Count} quotes");
            foreach (var p in c.Phases)
            {
                Line(sb, $"   {p.Years,-10} {p.Title}  ({p.Diagram.Actors.Count} actors, {p.Diagram.Edges.Count} edges)");
            }

            foreach (var q in c.Quotes)
            {
                Line(sb, $"   quote on {q.Screen}, by {q.By}: \"{q.Text}\"");
            }
        }

        return sb.ToString();
    }

    /// <summary>One line of the summary, every pack string in it escaped for the terminal (the reader alone, unlike verify, lets a case's texts through as they are).</summary>
    private static void Line(StringBuilder sb, string text) => sb.AppendLine(SafeText.Escape(text));
}
