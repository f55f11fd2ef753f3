using System.Text.Json;
using Kiosk.Content.Packing;

namespace Kiosk.Host.Packs;

/// <summary>Reads a small store file; a missing, unreadable or half-written one reads as absent.</summary>
internal static class StoreJson
{
    public static T? TryRead<T>(string path)
        where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), PackFormat.Json) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
