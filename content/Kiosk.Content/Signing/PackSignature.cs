using System.Security.Cryptography;
using Kiosk.Content.Packing;

namespace Kiosk.Content.Signing;

/// <summary>Checks a read pack's <c>signature.json</c> against the keys in a trusted-keys folder.</summary>
public static class PackSignature
{
    public static SignatureCheck Verify(LoadedPack pack, string trustedKeysDir)
    {
        if (pack.Signature is null)
        {
            return new SignatureCheck(SignatureStatus.Unsigned,
                $"unsigned: this kiosk installs only packs signed by a key in {trustedKeysDir} (sign with 'kiosk pack sign PACK --key KEY')", null);
        }

        var file = SignatureFile.TryParse(pack.Signature);
        if (file is null)
        {
            return new SignatureCheck(SignatureStatus.BadSignature,
                $"bad signature: {PackFormat.SignatureEntry} is not a valid signature file (expected key_id and signature)", null);
        }

        var trusted = TrustedKeys.Load(trustedKeysDir);
        if (!trusted.TryGetValue(file.KeyId, out var key))
        {
            return new SignatureCheck(SignatureStatus.UnknownKey,
                $"signed by unknown key {file.KeyId}: no trusted key in {trustedKeysDir} has that id", file.KeyId);
        }

        if (!Matches(pack.ManifestBytes, file.Signature, key.PublicKey))
        {
            return new SignatureCheck(SignatureStatus.BadSignature,
                $"bad signature: key {file.KeyId} ({Path.GetFileName(key.File)}) is trusted but its signature does not match manifest.json (altered after signing?)", file.KeyId);
        }

        return new SignatureCheck(SignatureStatus.Ok, $"signed by trusted key {file.KeyId} ({Path.GetFileName(key.File)})", file.KeyId);
    }

    private static bool Matches(byte[] manifest, string signatureBase64, byte[] publicKey)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureBase64);
        }
        catch (FormatException)
        {
            return false;
        }

        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(publicKey, out _);
        return key.VerifyData(manifest, signature, PackSignatureFormat.Hash, PackSignatureFormat.Encoding);
    }
}
