using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Content.Diagnostics;

namespace Kiosk.Host.Push;

/// <summary>The end of a push: a table for people, or one JSON document for tools. Field names are a contract.</summary>
public static class PushReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Table(IReadOnlyList<HostResult> results)
    {
        string[] headers = ["HOST", "RESULT", "PACK", "VERSION", "SECONDS", "ERROR"];
        // What a host answered reaches the terminal escaped: a kiosk (or whatever answers as one) chooses those strings.
        var rows = results.Select(r => new[]
        {
            SafeText.Escape(r.Host),
            r.Outcome.ToString().ToLowerInvariant(),
            SafeText.Escape(r.PackId ?? "-"),
            SafeText.Escape(r.Version ?? "-"),
            r.Seconds.ToString("0.00", CultureInfo.InvariantCulture),
            SafeText.Escape(r.Error ?? string.Empty),
        }).ToList();
        int[] widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (string[] row in rows.Prepend(headers))
        {
            // The error column is last and left unpadded, so a long reason wraps without widening the table.
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }

        int ok = results.Count(r => r.Ok);
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{ok} of {results.Count} host(s) installed the pack"));
        return text.ToString();
    }

    public static string Json(PushRequest request, IReadOnlyList<HostResult> results)
    {
        // Built from the array's elements (JsonNode), not Add<T>: that generic overload serializes by reflection.
        var hosts = new JsonArray([.. results.Select(r => new JsonObject
        {
            ["host"] = r.Host,
            ["ok"] = r.Ok,
            ["result"] = r.Outcome.ToString().ToLowerInvariant(),
            ["pack_id"] = r.PackId,
            ["version"] = r.Version,
            ["sha256"] = r.Sha256,
            ["seconds"] = r.Seconds,
            ["bytes_sent"] = r.BytesSent,
            ["error"] = r.Error,
        })]);

        var root = new JsonObject
        {
            ["ok"] = results.All(r => r.Ok),
            ["pack"] = request.PackPath,
            ["bytes"] = request.PackBytes,
            ["sha256"] = request.PackSha256,
            ["hosts"] = hosts,
        };
        return root.ToJsonString(Indented);
    }
}
