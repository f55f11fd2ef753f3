using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Kiosk.Content.Json;

/// <summary>
/// Serializing through a type's generated metadata. The kiosk is compiled ahead of time (Native AOT), where
/// <see cref="JsonSerializer"/>'s options-only overloads cannot be proved to find generated code and are refused;
/// asking the options for the type's <see cref="JsonTypeInfo{T}"/> keeps their conventions and is provable.
/// </summary>
public static class GeneratedJson
{
    /// <summary>Throws <see cref="NotSupportedException"/> when no context of <paramref name="options"/> covers <typeparamref name="T"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(this JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
