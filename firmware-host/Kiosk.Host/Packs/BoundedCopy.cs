using System.Security.Cryptography;

namespace Kiosk.Host.Packs;

/// <summary>
/// Copies a stream while hashing it and stops as soon as it passes the size limit, so an oversized upload
/// is refused after reading at most one buffer past the limit, not after filling the disk.
/// </summary>
internal static class BoundedCopy
{
    public sealed record Copied(long Bytes, string Sha256, bool TooLarge);

    public static Copied Copy(Stream from, Stream to, long maxBytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return new Copied(total, string.Empty, TooLarge: true);
            }

            hash.AppendData(buffer, 0, read);
            to.Write(buffer, 0, read);
        }

        return new Copied(total, Convert.ToHexStringLower(hash.GetHashAndReset()), TooLarge: false);
    }
}
