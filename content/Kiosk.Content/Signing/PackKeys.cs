using System.Security.Cryptography;

namespace Kiosk.Content.Signing;

/// <summary>
/// ECDSA P-256 keys as PEM text: PKCS#8 for private keys, SubjectPublicKeyInfo for public ones. Only P-256 is
/// accepted, so every kiosk can verify every signature with what .NET ships.
/// </summary>
public static class PackKeys
{
    public static ECDsa Generate() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string PrivatePem(ECDsa key) => key.ExportPkcs8PrivateKeyPem();

    public static string PublicPem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Imports a PEM key (private or public); throws <see cref="CryptographicException"/> with a clear message.</summary>
    public static ECDsa Import(string pem, string displayName)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (ArgumentException ex)
        {
            key.Dispose();
            throw new CryptographicException($"{displayName}: not a PEM ECDSA key ({ex.Message})", ex);
        }
        catch (CryptographicException ex)
        {
            key.Dispose();
            throw new CryptographicException($"{displayName}: not a usable ECDSA key ({ex.Message})", ex);
        }

        if (!IsP256(key))
        {
            key.Dispose();
            throw new CryptographicException($"{displayName}: not a P-256 key (packs are signed with ECDSA P-256 only)");
        }

        return key;
    }

    private static bool IsP256(ECDsa key)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        return key.KeySize == 256 && curve.IsNamed && curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value;
    }
}
