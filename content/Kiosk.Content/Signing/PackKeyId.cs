using System.Security.Cryptography;

namespace Kiosk.Content.Signing;

/// <summary>
/// A short, stable name for a public key: the first 16 hex digits of the sha256 of its SubjectPublicKeyInfo,
/// so a signature names its key without carrying it, and staff can match it to a <c>.pub</c> file by eye.
/// </summary>
public static class PackKeyId
{
    public const int Length = 16;

    public static string Of(ECDsa key) => Of(key.ExportSubjectPublicKeyInfo());

    public static string Of(byte[] subjectPublicKeyInfo) =>
        Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..Length];
}
