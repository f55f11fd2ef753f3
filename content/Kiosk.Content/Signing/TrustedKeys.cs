using System.Security.Cryptography;

namespace Kiosk.Content.Signing;

/// <summary>
/// The public keys a kiosk trusts: every <c>*.pub</c> (SPKI PEM) in one folder, by key id. Trust is switched
/// on by the folder holding at least one <c>.pub</c>; a file that is not a P-256 key trusts nothing.
/// </summary>
public static class TrustedKeys
{
    public const string Pattern = "*.pub";

    public static bool IsConfigured(string? dir) =>
        dir is not null && Directory.Exists(dir) && Directory.EnumerateFiles(dir, Pattern).Any();

    /// <summary>Key id to the file it came from and its public key bytes (SubjectPublicKeyInfo).</summary>
    public static IReadOnlyDictionary<string, (string File, byte[] PublicKey)> Load(string dir)
    {
        var keys = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        if (!Directory.Exists(dir))
        {
            return keys;
        }

        foreach (string file in Directory.EnumerateFiles(dir, Pattern).Order(StringComparer.Ordinal))
        {
            try
            {
                using var key = PackKeys.Import(File.ReadAllText(file), file);
                byte[] spki = key.ExportSubjectPublicKeyInfo();
                keys.TryAdd(PackKeyId.Of(spki), (file, spki));
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
            {
                // An unreadable file trusts nothing; packs signed by its key are then reported as unknown.
            }
        }

        return keys;
    }
}
