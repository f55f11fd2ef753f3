using System.Text.Json;

namespace Kiosk.Content.Json;

/// <summary>
/// Finds a key named twice in one JSON object. System.Text.Json keeps the last of two; a person reading the file
/// sees the first. Packs, signatures and kiosk.json refuse such files rather than let the two readings differ.
/// </summary>
public static class JsonKeys
{
    /// <summary>The JSON path of the first duplicate key (compared as written, and ignoring case when asked), or null.</summary>
    public static string? FirstDuplicate(JsonElement element, string path, bool ignoreCase = false)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    string at = $"{path}.{property.Name}";
                    if (!seen.Add(property.Name))
                    {
                        return at;
                    }

                    if (FirstDuplicate(property.Value, at, ignoreCase) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstDuplicate(item, $"{path}[{i++}]", ignoreCase) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
