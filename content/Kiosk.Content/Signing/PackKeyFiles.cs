using System.Text;

namespace Kiosk.Content.Signing;

/// <summary>
/// Writes a new key pair as <c>NAME.key</c> (PKCS#8 PEM, readable by its owner only) and <c>NAME.pub</c>
/// (SPKI PEM, to copy into a kiosk's trusted-keys folder). Existing files are never overwritten: losing a
/// signing key to a typo would lock every kiosk that trusts it out of updates.
/// </summary>
public static class PackKeyFiles
{
    public const string PrivateExtension = ".key";
    public const string PublicExtension = ".pub";

    public sealed record Written(string PrivatePath, string PublicPath, string KeyId);

    public static Written Generate(string name)
    {
        string privatePath = name + PrivateExtension;
        string publicPath = name + PublicExtension;
        foreach (string path in new[] { privatePath, publicPath })
        {
            if (File.Exists(path))
            {
                throw new IOException($"{path} already exists; choose another name or remove it first");
            }
        }

        using var key = PackKeys.Generate();
        // Created with mode 0600 from the start, so the private key is never readable by others, even briefly.
        var privateOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            privateOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(privatePath, privateOptions))
        {
            stream.Write(Encoding.ASCII.GetBytes(PackKeys.PrivatePem(key) + "\n"));
        }

        using (var stream = new FileStream(publicPath, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(Encoding.ASCII.GetBytes(PackKeys.PublicPem(key) + "\n"));
        }

        return new Written(privatePath, publicPath, PackKeyId.Of(key));
    }
}
