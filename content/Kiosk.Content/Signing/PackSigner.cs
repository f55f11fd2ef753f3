using System.IO.Compression;
using Kiosk.Content.Packing;

namespace Kiosk.Content.Signing;

/// <summary>
/// Signs a pack by signing its exact manifest.json bytes: the manifest lists every other entry's sha256, so
/// one signature covers the whole pack. The signature lives in <c>signature.json</c>, which the manifest does
/// not list, so signing (or re-signing) never changes what is signed.
/// </summary>
public static class PackSigner
{
    /// <summary>Adds or replaces the pack's signature; returns the key id. The pack is rewritten atomically.</summary>
    public static string Sign(string packPath, string privateKeyPem)
    {
        using var key = PackKeys.Import(privateKeyPem, "signing key");
        // Reading first refuses a corrupt pack: a signature must never vouch for bytes that fail their checksums.
        var pack = PackReader.Read(packPath);
        string keyId = PackKeyId.Of(key);
        byte[] signature = key.SignData(pack.ManifestBytes, PackSignatureFormat.Hash, PackSignatureFormat.Encoding);
        byte[] entry = new SignatureFile(keyId, Convert.ToBase64String(signature)).ToBytes();

        string full = Path.GetFullPath(packPath);
        string temp = full + ".sign-" + Environment.ProcessId;
        try
        {
            File.Copy(full, temp, overwrite: true);
            using (var zip = ZipFile.Open(temp, ZipArchiveMode.Update))
            {
                zip.GetEntry(PackFormat.SignatureEntry)?.Delete();
                var created = zip.CreateEntry(PackFormat.SignatureEntry, CompressionLevel.SmallestSize);
                created.LastWriteTime = pack.Manifest.Created;
                using var stream = created.Open();
                stream.Write(entry);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return keyId;
    }
}
