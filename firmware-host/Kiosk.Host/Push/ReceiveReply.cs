using System.Text.Json;

namespace Kiosk.Host.Push;

/// <summary>
/// The one JSON line <c>kiosk pack receive</c> prints: <c>{"ok":true,"pack_id","version","sha256","seconds"}</c>
/// or <c>{"ok":false,"error"}</c>.
/// </summary>
public sealed record ReceiveReply(bool Ok, string? PackId, string? Version, string? Sha256, string? Error)
{
    /// <summary>The last line of <paramref name="stdout"/> that is such an object, or null when there is none
    /// (a login banner or shell noise may come before it).</summary>
    public static ReceiveReply? FindIn(string stdout)
    {
        foreach (string line in stdout.Split('\n').Select(l => l.Trim()).Reverse())
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok) || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    continue;
                }

                return new ReceiveReply(ok.GetBoolean(), Text(root, "pack_id"), Text(root, "version"), Text(root, "sha256"), Text(root, "error"));
            }
            catch (JsonException)
            {
                // Not the reply; keep looking further up.
            }
        }

        return null;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
