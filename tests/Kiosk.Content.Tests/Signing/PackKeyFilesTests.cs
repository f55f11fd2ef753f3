using System.Runtime.Versioning;
using Kiosk.Content.Signing;

namespace Kiosk.Content.Tests.Signing;

public sealed class PackKeyFilesTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Generate_writes_a_private_key_only_its_owner_can_read_and_a_matching_public_key()
    {
        var written = PackKeyFiles.Generate(Path.Combine(_temp.Path, "staff"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(written.PrivatePath));
        using var privateKey = PackKeys.Import(File.ReadAllText(written.PrivatePath), written.PrivatePath);
        using var publicKey = PackKeys.Import(File.ReadAllText(written.PublicPath), written.PublicPath);
        Assert.Equal(written.KeyId, PackKeyId.Of(privateKey));
        Assert.Equal(written.KeyId, PackKeyId.Of(publicKey));
        Assert.Contains("BEGIN PRIVATE KEY", File.ReadAllText(written.PrivatePath));
        Assert.Contains("BEGIN PUBLIC KEY", File.ReadAllText(written.PublicPath));
        Assert.DoesNotContain("PRIVATE", File.ReadAllText(written.PublicPath));
    }

    [Fact]
    public void Generate_refuses_to_overwrite_a_key()
    {
        string name = Path.Combine(_temp.Path, "staff");
        File.WriteAllText(name + ".pub", "someone else's key");

        Assert.Throws<IOException>(() => PackKeyFiles.Generate(name));

        Assert.False(File.Exists(name + ".key"));
        Assert.Equal("someone else's key", File.ReadAllText(name + ".pub"));
    }
}
