using System.Text.Json.Serialization;
using Kiosk.Content.Model;
using Kiosk.Content.Packing;
using Kiosk.Content.Signing;

namespace Kiosk.Content.Json;

/// <summary>
/// Serialization code for the pack's own files, generated at build time. Reflection-based System.Text.Json builds
/// this per type at run time (Reflection.Emit, hundreds of generic methods the ahead-of-time compiler cannot see),
/// which was most of a cold <c>kiosk render</c>'s JIT work; on the Pi's slow cores that is start-up time before
/// the first frame. <see cref="PackFormat.Json"/> keeps its naming and strictness: the options, not this
/// context, decide names, enums and required members.
/// </summary>
[JsonSerializable(typeof(PackContent))]
[JsonSerializable(typeof(PackManifest))]
[JsonSerializable(typeof(SignatureFile))]
internal sealed partial class PackJsonContext : JsonSerializerContext;
