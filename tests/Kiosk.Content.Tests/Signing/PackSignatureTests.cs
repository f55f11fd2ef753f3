using System.IO.Compression;
using System.Security.Cryptography;
using Kiosk.Content.Diagnostics;
using Kiosk.Content.Packing;
using Kiosk.Content.Signing;

namespace Kiosk.Content.Tests.Signing;

public sealed class PackSignatureTests(SigningFixture packs) : IClassFixture<SigningFixture>, IDisposable
{
    private readonly ECDsa _key = PackKeys.Generate();
    private readonly TempDir _temp = new();

    public void Dispose()
    {
        _key.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void A_pack_signed_by_a_trusted_key_verifies()
    {
        Trust(_key, "staff");
        string pack = packs.Copy(packs.PackA);

        string keyId = PackSigner.Sign(pack, PackKeys.PrivatePem(_key));
        var check = PackSignature.Verify(PackReader.Read(pack), _temp.Path);

        Assert.Equal(PackKeyId.Of(_key), keyId);
        Assert.Equal(SignatureStatus.Ok, check.Status);
        Assert.True(check.Ok);
        Assert.Equal(keyId, check.KeyId);
        Assert.Contains("staff.pub", check.Message);
    }

    [Fact]
    public void Signing_leaves_the_manifest_and_every_checksum_as_they_were()
    {
        string pack = packs.Copy(packs.PackA);
        var before = PackReader.Read(pack);

        PackSigner.Sign(pack, PackKeys.PrivatePem(_key));
        var after = PackVerifier.Verify(pack);

        Assert.True(after.Ok, string.Join("; ", after.Diagnostics));
        Assert.Equal(before.ManifestBytes, after.Pack!.ManifestBytes);
        Assert.DoesNotContain(after.Pack.Manifest.Entries, e => e.Path == PackFormat.SignatureEntry);
        Assert.NotNull(after.Pack.Signature);
    }

    [Fact]
    public void The_signature_is_standard_ecdsa_sha256_over_the_manifest_bytes()
    {
        string pack = packs.Copy(packs.PackA);
        PackSigner.Sign(pack, PackKeys.PrivatePem(_key));
        var read = PackReader.Read(pack);

        var file = SignatureFile.TryParse(read.Signature!)!;
        using var publicOnly = ECDsa.Create();
        publicOnly.ImportSubjectPublicKeyInfo(_key.ExportSubjectPublicKeyInfo(), out _);

        Assert.True(publicOnly.VerifyData(read.ManifestBytes, Convert.FromBase64String(file.Signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(_key.ExportSubjectPublicKeyInfo()))[..16], file.KeyId);
    }

    [Fact]
    public void An_unsigned_pack_is_reported_as_unsigned()
    {
        Trust(_key, "staff");

        var check = PackSignature.Verify(PackReader.Read(packs.PackA), _temp.Path);

        Assert.Equal(SignatureStatus.Unsigned, check.Status);
        Assert.StartsWith("unsigned", check.Message);
        Assert.Null(check.KeyId);
    }

    [Fact]
    public void A_pack_signed_by_an_untrusted_key_names_that_key()
    {
        using var other = PackKeys.Generate();
        Trust(other, "other");
        string pack = packs.Copy(packs.PackA);
        PackSigner.Sign(pack, PackKeys.PrivatePem(_key));

        var check = PackSignature.Verify(PackReader.Read(pack), _temp.Path);

        Assert.Equal(SignatureStatus.UnknownKey, check.Status);
        Assert.StartsWith($"signed by unknown key {PackKeyId.Of(_key)}", check.Message);
    }

    [Fact]
    public void A_signature_moved_onto_another_pack_is_a_bad_signature()
    {
        Trust(_key, "staff");
        string signed = packs.Copy(packs.PackA);
        PackSigner.Sign(signed, PackKeys.PrivatePem(_key));
        string forged = packs.Copy(packs.PackB);
        AddEntry(forged, PackFormat.SignatureEntry, PackReader.Read(signed).Signature!);

        var check = PackSignature.Verify(PackReader.Read(forged), _temp.Path);

        Assert.Equal(SignatureStatus.BadSignature, check.Status);
        Assert.StartsWith("bad signature", check.Message);
        Assert.Equal(PackKeyId.Of(_key), check.KeyId);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    [InlineData("{\"key_id\":\"0123456789abcdef\",\"signature\":\"***\"}")]
    public void A_malformed_signature_file_is_a_bad_signature(string text)
    {
        Trust(_key, "staff");
        string pack = packs.Copy(packs.PackA);
        string keyed = text.Replace("0123456789abcdef", PackKeyId.Of(_key), StringComparison.Ordinal);
        AddEntry(pack, PackFormat.SignatureEntry, System.Text.Encoding.UTF8.GetBytes(keyed));

        var check = PackSignature.Verify(PackReader.Read(pack), _temp.Path);

        Assert.Equal(SignatureStatus.BadSignature, check.Status);
        Assert.StartsWith("bad signature", check.Message);
    }

    [Fact]
    public void Signing_again_replaces_the_signature()
    {
        using var second = PackKeys.Generate();
        Trust(second, "second");
        string pack = packs.Copy(packs.PackA);
        PackSigner.Sign(pack, PackKeys.PrivatePem(_key));

        PackSigner.Sign(pack, PackKeys.PrivatePem(second));

        using (var zip = ZipFile.OpenRead(pack))
        {
            Assert.Single(zip.Entries, e => e.FullName == PackFormat.SignatureEntry);
        }

        var check = PackSignature.Verify(PackReader.Read(pack), _temp.Path);
        Assert.True(check.Ok, check.Message);
        Assert.Equal(PackKeyId.Of(second), check.KeyId);
    }

    [Fact]
    public void A_corrupt_pack_is_not_signed_and_not_changed()
    {
        string pack = packs.Copy(packs.PackA);
        byte[] bytes = File.ReadAllBytes(pack)[..200];
        File.WriteAllBytes(pack, bytes);

        Assert.Throws<ContentException>(() => PackSigner.Sign(pack, PackKeys.PrivatePem(_key)));

        Assert.Equal(bytes, File.ReadAllBytes(pack));
    }

    [Fact]
    public void Only_p256_keys_are_accepted()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        string pack = packs.Copy(packs.PackA);

        var ex = Assert.Throws<CryptographicException>(() => PackSigner.Sign(pack, p384.ExportPkcs8PrivateKeyPem()));

        Assert.Contains("not a P-256 key", ex.Message);
        Assert.Null(PackReader.Read(pack).Signature);
    }

    [Fact]
    public void A_key_file_that_is_not_pem_is_refused_with_a_message()
    {
        var ex = Assert.Throws<CryptographicException>(() => PackSigner.Sign(packs.Copy(packs.PackA), "hello"));

        Assert.Contains("not a PEM ECDSA key", ex.Message);
    }

    [Fact]
    public void Trust_is_configured_only_by_a_folder_holding_pub_files()
    {
        Assert.False(TrustedKeys.IsConfigured(Path.Combine(_temp.Path, "missing")));
        Assert.False(TrustedKeys.IsConfigured(_temp.Path));
        File.WriteAllText(Path.Combine(_temp.Path, "README"), "keys go here");
        Assert.False(TrustedKeys.IsConfigured(_temp.Path));

        Trust(_key, "staff");

        Assert.True(TrustedKeys.IsConfigured(_temp.Path));
        Assert.Equal([PackKeyId.Of(_key)], TrustedKeys.Load(_temp.Path).Keys);
    }

    private void Trust(ECDsa key, string name) =>
        File.WriteAllText(Path.Combine(_temp.Path, name + ".pub"), PackKeys.PublicPem(key));

    private static void AddEntry(string pack, string name, byte[] bytes)
    {
        using var zip = ZipFile.Open(pack, ZipArchiveMode.Update);
        zip.GetEntry(name)?.Delete();
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(bytes);
    }
}
