using System.IO.Compression;

namespace Kiosk.Faults.Packs;

/// <summary>One zip entry of a pack as the mutator handles it: name, bytes, unix mode bits, compression.</summary>
public sealed record PackPart(string Name, byte[] Bytes, int ExternalAttributes = 0, CompressionLevel Level = CompressionLevel.NoCompression);
