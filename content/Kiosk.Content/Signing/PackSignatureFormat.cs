using System.Security.Cryptography;

namespace Kiosk.Content.Signing;

/// <summary>How signatures are computed, shared by signer and verifier so the two can never drift.</summary>
internal static class PackSignatureFormat
{
    public static readonly HashAlgorithmName Hash = HashAlgorithmName.SHA256;

    /// <summary>DER, not IEEE P1363, so <c>openssl dgst -sha256 -verify KEY.pub</c> can check a pack by hand.</summary>
    public const DSASignatureFormat Encoding = DSASignatureFormat.Rfc3279DerSequence;
}
