using System.Text.Json;
using Kiosk.Content.Json;
using Kiosk.Content.Packing;

namespace Kiosk.Content.Signing;

/// <summary>The <c>signature.json</c> entry: which key signed, and its signature over manifest.json.</summary>
public sealed record SignatureFile(string KeyId, string Signature)
{
    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, PackFormat.Json.TypeInfo<SignatureFile>());

    /// <summary>Returns null when the entry is not a well-formed signature file.</summary>
    public static SignatureFile? TryParse(byte[] bytes)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize(bytes, PackFormat.Json.TypeInfo<SignatureFile>());
            return parsed is { KeyId.Length: > 0, Signature.Length: > 0 } ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
