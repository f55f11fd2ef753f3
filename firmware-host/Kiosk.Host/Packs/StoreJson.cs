using System.Text.Json;
using System.Text.Json.Serialization;
using Kiosk.Content.Json;
using Kiosk.Content.Packing;

namespace Kiosk.Host.Packs;

/// <summary>
/// Reads and writes the store's small record files: written atomically (a power cut leaves the old file or the new
/// one), and a missing, unreadable or half-written one reads as absent.
/// </summary>
internal static class StoreJson
{
    /// <summary>
    /// The pack format's JSON conventions with serializers generated at compile time: <c>kiosk status</c> and the
    /// content key's status answer read the store's records in a fresh process each time, where building
    /// reflection metadata was a good part of their cost.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(PackFormat.Json) { TypeInfoResolver = StoreJsonContext.Default };

    public static T? TryRead<T>(string path)
        where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), Options.TypeInfo<T>()) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public static void Write<T>(string path, T value)
        where T : class => AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, value, Options.TypeInfo<T>()));
}

[JsonSerializable(typeof(InstallRecord))]
[JsonSerializable(typeof(BadMark))]
[JsonSerializable(typeof(TrialRecord))]
[JsonSerializable(typeof(HighWaterMarks))]
internal sealed partial class StoreJsonContext : JsonSerializerContext
{
}
