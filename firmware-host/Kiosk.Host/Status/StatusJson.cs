using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiosk.Host.Status;

/// <summary>
/// The status file's and <c>kiosk status --json</c>'s JSON, generated at compile time: the content key's status
/// answer is a fresh process for every request, and reflection-based serialization (building its metadata, then
/// jitting the code that uses it) was most of that process's CPU time.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StatusReport))]
internal sealed partial class StatusJsonContext : JsonSerializerContext
{
}

/// <summary>The one set of options every status reader and writer uses (snake_case, non-ASCII text as is).</summary>
public static class StatusJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = StatusJsonContext.Default,
    };
}
