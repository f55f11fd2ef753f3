using Microsoft.Extensions.Time.Testing;
using System.IO.Compression;
using Kiosk.Content.Packing;
using Kiosk.Content.Signing;
using Kiosk.Host.Packs;

using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Host.Tests.Packs;

public sealed class PackStoreTests(TestPacks packs) : IClassFixture<TestPacks>, IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Empty_store_has_no_current_pack_and_lists_nothing()
    {
        var store = Store();

        Assert.Null(store.Current);
        Assert.Empty(store.List());
    }

    [Fact]
    public void Installing_a_good_pack_makes_it_current()
    {
        var store = Store();
        string pack = packs.Pack("1.0.0");

        var result = store.Install(pack);

        Assert.True(result.Ok, string.Join("; ", result.Problems));
        string sha = Sha256Of(pack);
        Assert.Equal(sha, result.Pack!.Sha256);
        Assert.Equal(Path.Combine(store.Root, sha, "pack.kpack"), store.Current);
        Assert.Equal(sha, new FileInfo(Path.Combine(store.Root, "current")).LinkTarget);
        Assert.True(PackVerifier.Verify(store.Current!).Ok);
        var listed = Assert.Single(store.List());
        Assert.Equal(("store-test-pack", "1.0.0", _time.GetUtcNow(), true), (listed.Id, listed.Version, listed.Installed, listed.IsCurrent));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(store.Root, ".staging")));
    }

    [Fact]
    public void A_second_install_switches_current_and_keeps_the_first()
    {
        var store = Store();
        store.Install(packs.Pack("1.0.0"));
        _time.Advance(TimeSpan.FromMinutes(1));

        var result = store.Install(packs.Pack("1.1.0"));

        Assert.True(result.Ok);
        Assert.Equal("1.1.0", PackReader.Read(store.Current!).Manifest.Version);
        Assert.Equal(["1.1.0", "1.0.0"], store.List().Select(p => p.Version));
        Assert.Equal([true, false], store.List().Select(p => p.IsCurrent));
    }

    [Fact]
    public void A_corrupted_pack_is_refused_and_current_is_unchanged()
    {
        var store = StoreWith("1.0.0", out string before);
        string bad = packs.CopyOf("1.1.0", _dir.Path);
        byte[] bytes = File.ReadAllBytes(bad);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(bad, bytes);

        var result = store.Install(bad);

        AssertRefused(store, result, before, bad);
    }

    [Fact]
    public void A_pack_whose_entry_does_not_match_its_manifest_checksum_is_refused()
    {
        var store = StoreWith("1.0.0", out string before);
        string tampered = packs.CopyOf("1.1.0", _dir.Path);
        using (var zip = ZipFile.Open(tampered, ZipArchiveMode.Update))
        {
            zip.GetEntry(PackFormat.CasesEntry)!.Delete();
            using var stream = zip.CreateEntry(PackFormat.CasesEntry).Open();
            stream.Write(File.ReadAllBytes(packs.Pack("1.0.0")).AsSpan(0, 16));
        }

        var result = store.Install(tampered);

        AssertRefused(store, result, before, "cases.json");
    }

    [Fact]
    public void A_truncated_pack_is_refused_and_current_is_unchanged()
    {
        var store = StoreWith("1.0.0", out string before);
        string truncated = packs.CopyOf("1.1.0", _dir.Path);
        byte[] bytes = File.ReadAllBytes(truncated);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length * 2 / 3)]);

        var result = store.Install(truncated);

        AssertRefused(store, result, before, "zip");
    }

    [Fact]
    public void A_pack_over_the_size_limit_is_refused_and_one_at_the_limit_is_accepted()
    {
        string pack = packs.Pack("1.1.0");
        long size = new FileInfo(pack).Length;
        var tight = StoreWith("1.0.0", out string before, o => o with { MaxPackBytes = size - 1 });

        var refused = tight.Install(pack);

        AssertRefused(tight, refused, before, "too large");
        Assert.True(Store(o => o with { MaxPackBytes = size }).Install(pack).Ok);
    }

    [Fact]
    public void An_endless_stream_is_cut_off_at_the_size_limit_while_streaming()
    {
        var store = StoreWith("1.0.0", out string before, o => o with { MaxPackBytes = 1_000_000 });
        var endless = new EndlessStream();

        var result = store.Install(endless, "stdin");

        AssertRefused(store, result, before, "too large");
        Assert.InRange(endless.BytesRead, 1_000_001, 1_000_000 + (2 * 81_920));
    }

    [Fact]
    public void With_trusted_keys_an_unsigned_pack_is_refused()
    {
        var store = StoreWith("1.0.0", out string before, Trusting(out _));

        var result = store.Install(packs.Pack("1.1.0"));

        AssertRefused(store, result, before, "unsigned");
    }

    [Fact]
    public void With_trusted_keys_a_pack_signed_by_another_key_is_refused()
    {
        var store = StoreWith("1.0.0", out string before, Trusting(out _));
        using var stranger = PackKeys.Generate();
        string pack = packs.CopyOf("1.1.0", _dir.Path);
        PackSigner.Sign(pack, PackKeys.PrivatePem(stranger));

        var result = store.Install(pack);

        AssertRefused(store, result, before, $"unknown key {PackKeyId.Of(stranger)}");
    }

    [Fact]
    public void With_trusted_keys_a_pack_changed_after_signing_is_refused()
    {
        var store = StoreWith("1.0.0", out string before, Trusting(out string trustedKey));
        string pack = packs.CopyOf("1.1.0", _dir.Path);
        PackSigner.Sign(pack, trustedKey);
        string forged = packs.CopyOf("1.2.0", _dir.Path);
        CopySignature(from: pack, to: forged);

        var result = store.Install(forged);

        AssertRefused(store, result, before, "bad signature");
    }

    [Fact]
    public void With_trusted_keys_a_pack_signed_by_a_trusted_key_is_installed()
    {
        var store = StoreWith("1.0.0", out _, Trusting(out string trustedKey));
        string pack = packs.CopyOf("1.1.0", _dir.Path);
        PackSigner.Sign(pack, trustedKey);

        var result = store.Install(pack);

        Assert.True(result.Ok, string.Join("; ", result.Problems));
        Assert.Equal(Sha256Of(pack), Path.GetFileName(Path.GetDirectoryName(store.Current)));
    }

    [Fact]
    public void Rollback_returns_to_the_pack_installed_before_the_current_one()
    {
        var store = Store();
        foreach (string version in new[] { "1.0.0", "1.1.0", "1.2.0" })
        {
            store.Install(packs.Pack(version));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var first = store.Rollback();
        string afterFirst = PackReader.Read(store.Current!).Manifest.Version;
        var second = store.Rollback();
        string afterSecond = PackReader.Read(store.Current!).Manifest.Version;
        var third = store.Rollback();

        Assert.True(first.Ok && second.Ok);
        Assert.Equal(("1.1.0", "1.0.0"), (afterFirst, afterSecond));
        Assert.False(third.Ok);
        Assert.Contains("nothing to roll back to", Assert.Single(third.Problems));
        Assert.Equal("1.0.0", PackReader.Read(store.Current!).Manifest.Version);
    }

    [Fact]
    public void Rollback_with_nothing_installed_is_refused()
    {
        var result = Store().Rollback();

        Assert.False(result.Ok);
        Assert.Contains("no packs installed", Assert.Single(result.Problems));
    }

    [Fact]
    public void Pruning_keeps_the_newest_packs_up_to_the_keep_count()
    {
        var store = Store(o => o with { Keep = 2 });
        foreach (string version in new[] { "1.0.0", "1.1.0", "1.2.0", "1.3.0", "1.4.0" })
        {
            Assert.True(store.Install(packs.Pack(version)).Ok);
        }

        Assert.Equal(["1.4.0", "1.3.0"], store.List().Select(p => p.Version));
        var packDirs = Directory.EnumerateDirectories(store.Root).Where(d => new DirectoryInfo(d).LinkTarget is null && !Path.GetFileName(d).StartsWith('.'));
        Assert.Equal(store.List().Select(p => p.Sha256).Order(), packDirs.Select(Path.GetFileName).Order());
        Assert.Equal("1.4.0", PackReader.Read(store.Current!).Manifest.Version);
    }

    [Fact]
    public void Pruning_never_removes_the_current_pack_or_the_one_before_it()
    {
        var store = Store(o => o with { Keep = 1 });
        Assert.True(store.Install(packs.Pack("1.0.0")).Ok);
        Assert.True(store.Install(packs.Pack("1.1.0")).Ok);
        Assert.True(store.Install(packs.Pack("1.2.0")).Ok);

        Assert.Equal(["1.2.0", "1.1.0"], store.List().Select(p => p.Version));
        Assert.True(store.Rollback().Ok);
        Assert.Equal("1.1.0", PackReader.Read(store.Current!).Manifest.Version);
    }

    [Fact]
    public void Reinstalling_an_installed_pack_makes_it_current_and_newest()
    {
        var store = Store();
        store.Install(packs.Pack("1.0.0"));
        store.Install(packs.Pack("1.1.0"));
        _time.Advance(TimeSpan.FromHours(1));

        var result = store.Install(packs.Pack("1.0.0"));

        Assert.True(result.Ok);
        Assert.Equal(["1.0.0", "1.1.0"], store.List().Select(p => p.Version));
        Assert.Equal(_time.GetUtcNow(), store.List()[0].Installed);
        Assert.True(store.Rollback().Ok);
        Assert.Equal("1.1.0", PackReader.Read(store.Current!).Manifest.Version);
    }

    [Fact]
    public void Leftovers_of_a_killed_install_are_cleaned_by_the_next_install()
    {
        var store = StoreWith("1.0.0", out _);
        string leftover = Path.Combine(store.Root, ".staging", "deadbeef");
        Directory.CreateDirectory(leftover);
        File.WriteAllBytes(Path.Combine(leftover, "pack.kpack"), [1, 2, 3]);
        File.CreateSymbolicLink(Path.Combine(store.Root, "current.tmp-999999"), "nowhere");

        Assert.True(store.Install(packs.Pack("1.1.0")).Ok);

        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(store.Root, ".staging")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(store.Root, "current.tmp-*"));
    }

    [Fact]
    public void An_install_is_refused_while_another_holds_the_store()
    {
        var store = StoreWith("1.0.0", out string before);
        using var other = new FileStream(Path.Combine(store.Root, ".lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var result = store.Install(packs.Pack("1.1.0"));

        AssertRefused(store, result, before, "another install or rollback is running");
    }

    private PackStore Store(Func<PackStoreOptions, PackStoreOptions>? configure = null)
    {
        var options = new PackStoreOptions { Root = _dir.Combine("store"), TrustedKeysDir = _dir.Combine("no-keys") };
        return new PackStore(configure?.Invoke(options) ?? options, _time);
    }

    /// <summary>A store whose current pack is the given version, installed before any trust is set up.</summary>
    private PackStore StoreWith(string version, out string currentBefore, Func<PackStoreOptions, PackStoreOptions>? configure = null)
    {
        Assert.True(Store().Install(packs.Pack(version)).Ok);
        _time.Advance(TimeSpan.FromMinutes(1));
        var store = Store(configure);
        currentBefore = store.Current!;
        return store;
    }

    /// <summary>Configures a trusted-keys folder with one fresh key; hands back that key's private PEM.</summary>
    private Func<PackStoreOptions, PackStoreOptions> Trusting(out string privatePem)
    {
        string keys = _dir.Combine("trusted-keys");
        Directory.CreateDirectory(keys);
        using var key = PackKeys.Generate();
        File.WriteAllText(Path.Combine(keys, "staff.pub"), PackKeys.PublicPem(key));
        privatePem = PackKeys.PrivatePem(key);
        return o => o with { TrustedKeysDir = keys };
    }

    private static void AssertRefused(PackStore store, PackStoreResult result, string currentBefore, string expectedInMessage)
    {
        Assert.False(result.Ok);
        Assert.Null(result.Pack);
        Assert.Contains(result.Problems, p => p.Contains(expectedInMessage, StringComparison.Ordinal));
        Assert.Equal(currentBefore, store.Current);
        Assert.True(PackVerifier.Verify(store.Current!).Ok);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(store.Root, ".staging")));
    }

    private static void CopySignature(string from, string to)
    {
        byte[] signature;
        using (var source = ZipFile.OpenRead(from))
        using (var stream = source.GetEntry(PackFormat.SignatureEntry)!.Open())
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            signature = buffer.ToArray();
        }

        using var target = ZipFile.Open(to, ZipArchiveMode.Update);
        using var entry = target.CreateEntry(PackFormat.SignatureEntry).Open();
        entry.Write(signature);
    }

    internal static string Sha256Of(string path) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
