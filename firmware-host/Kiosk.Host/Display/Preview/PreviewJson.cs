using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiosk.Host.Display.Preview;

/// <summary><c>GET /state</c>: the newest frame's sequence number and size, for the page and for tests.</summary>
internal sealed record PreviewState(long Sequence, int Width, int Height);

/// <summary>The body of a refused <c>POST /press/{command}</c>.</summary>
internal sealed record PreviewError(string Error);

/// <summary>
/// The preview's JSON answers, generated at compile time: the kiosk is compiled ahead of time (Native AOT), where
/// ASP.NET Core has no reflection-based serializer. Web defaults (camelCase), as the page reads them.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PreviewState))]
[JsonSerializable(typeof(PreviewError))]
internal sealed partial class PreviewJsonContext : JsonSerializerContext;
