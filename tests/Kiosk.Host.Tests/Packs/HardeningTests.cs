using Microsoft.Extensions.Time.Testing;
using System.CommandLine;
using System.Text;
using Kiosk.Content.Packing;
using Kiosk.Content.Signing;
using Kiosk.Host.Cli;
using Kiosk.Host.Packs;
using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Host.Tests.Packs;

/// <summary>
/// Regression tests for the adversarial probe's pack and store findings: signing that failed open, replayed older
/// packs, fonts broken behind an intact cmap, unchecked manifest ids and versions, duplicate keys, NUL in displayed
/// text, oversized manifests, and a receive that held the store lock for ever on a stalled connection.
/// </summary>
public sealed class HardeningTests(TestPacks packs) : IClassFixture<TestPacks>, IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void With_no_trusted_keys_a_device_refuses_every_pack_unless_set_to_accept_unsigned()
    {
        var closed = Store(allowUnsigned: false);
        var refused = closed.Install(packs.Pack("1.0.0"));
        Assert.False(refused.Ok);
        Assert.Contains("no trusted keys", string.Join(" ", refused.Problems));
        Assert.Null(closed.CurrentSha);

        Assert.True(Store(allowUnsigned: true).Install(packs.Pack("1.0.0")).Ok);
    }

    /// <summary>Versions 1.0.0 and 1.1.0 signed by one key, trusted in the returned folder.</summary>
    private (string Keys, string Older, string Newer) SignedOlderAndNewer()
    {
        string keys = _dir.Combine("keys");
        Directory.CreateDirectory(keys);
        using var key = PackKeys.Generate();
        File.WriteAllText(Path.Combine(keys, "museum.pub"), PackKeys.PublicPem(key));
        string older = packs.CopyOf("1.0.0", _dir.Path);
        string newer = packs.CopyOf("1.1.0", _dir.Path);
        PackSigner.Sign(older, PackKeys.PrivatePem(key));
        PackSigner.Sign(newer, PackKeys.PrivatePem(key));
        return (keys, older, newer);
    }

    [Fact]
    public void An_older_pack_from_the_same_signer_is_refused_unless_a_downgrade_is_asked_for()
    {
        var (keys, v1, v2) = SignedOlderAndNewer();
        var options = new PackStoreOptions { Root = _dir.Combine("store"), TrustedKeysDir = keys };

        Assert.True(new PackStore(options, _time).Install(v2).Ok);
        var replay = new PackStore(options, _time).Install(v1);

        Assert.False(replay.Ok);
        Assert.Contains("not newer", string.Join(" ", replay.Problems));
        Assert.Equal("1.1.0", PackReader.Read(new PackStore(options, _time).Current!).Manifest.Version);
        Assert.True(new PackStore(options with { AllowDowngrade = true }, _time).Install(v1).Ok);
        Assert.True(new PackStore(options, _time).Install(v2).Ok, "the newest pack's bytes again are a retry, not a downgrade");
    }

    [Fact]
    public void An_older_signed_pack_is_still_refused_after_the_newer_ones_were_pruned_from_the_store()
    {
        var (keys, v1, v2) = SignedOlderAndNewer();
        // Keep 1: every install prunes all but the newest, the current and the committed pack.
        var options = new PackStoreOptions { Root = _dir.Combine("store"), TrustedKeysDir = keys, AllowUnsigned = true, Keep = 1 };

        var store = new PackStore(options, _time);
        Assert.True(store.Install(v1).Ok);
        Assert.True(store.Commit(store.CurrentSha!));
        Assert.True(store.Install(v2).Ok);
        Assert.True(store.Commit(store.CurrentSha!), "the kiosk showed 1.1.0: it is the signer's high-water mark now");
        // Unsigned packs (ranked apart, by their own id) are shown after it until no pack of the signer is left.
        foreach (string version in new[] { "2.0.0", "2.1.0" })
        {
            Assert.True(store.Install(packs.Pack(version)).Ok);
            Assert.True(store.Commit(store.CurrentSha!));
        }

        Assert.DoesNotContain(store.List(), p => p.Signer is not null);

        var replay = store.Install(v1);

        Assert.False(replay.Ok, "1.0.0 of the signer is older than its 1.1.0, which this device has shown");
        Assert.Contains("high-water mark", string.Join(" ", replay.Problems));
        Assert.Equal("2.1.0", PackReader.Read(store.Current!).Manifest.Version);
        Assert.True(store.Install(v2).Ok, "the high-water pack's own bytes are not a downgrade");
        Assert.True(new PackStore(options with { AllowDowngrade = true }, _time).Install(v1).Ok, "an operator may still go back on purpose");
    }

    [Fact]
    public void A_pack_that_failed_its_trial_does_not_raise_the_high_water_mark()
    {
        var options = new PackStoreOptions { Root = _dir.Combine("store"), AllowUnsigned = true, Keep = 1 };
        var store = new PackStore(options, _time);
        Assert.True(store.Install(packs.Pack("1.0.0")).Ok);
        Assert.True(store.Commit(store.CurrentSha!));
        Assert.True(store.Install(packs.Pack("2.0.0")).Ok);
        store.Revert(store.CurrentSha!, "test: no first frame", out bool done);
        Assert.True(done);

        Assert.True(store.Install(packs.Pack("1.1.0")).Ok, "2.0.0 never proved itself, so 1.1.0 is an upgrade from the 1.0.0 shown");
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("bit flips")]
    [InlineData("units per em 20000")]
    public void A_latin_font_broken_behind_its_cmap_is_refused_by_verify_install_and_receive(string damage)
    {
        string broken = PackSurgery.Rewrite(packs.Pack("1.0.0"), _dir.Combine($"font-{damage.Replace(' ', '-')}.kpack"), (name, bytes) =>
        {
            if (name != "fonts/latin.ttf")
            {
                return bytes;
            }

            if (damage == "truncated")
            {
                return bytes[..(bytes.Length / 2)];
            }

            if (damage == "units per em 20000")
            {
                // HarfBuzz reads an out-of-range units-per-em as 1000 and draws on; FreeType, under Skia on the glass, refuses the face.
                return FontSurgery.WithUnitsPerEm(bytes, 20000);
            }

            var random = new Random(7);
            byte[] flipped = (byte[])bytes.Clone();
            for (int i = 0; i < 200; i++)
            {
                flipped[random.Next(256, flipped.Length)] ^= (byte)(1 << random.Next(8));
            }

            return flipped;
        });

        var verified = PackVerifier.Verify(broken);
        Assert.False(verified.Ok);
        Assert.Contains(verified.Diagnostics, d => d.Field == "fonts/latin.ttf");
        Assert.False(Store(allowUnsigned: true).Install(broken).Ok);
        Assert.Equal(ExitCodes.Refused, Receive(File.ReadAllBytes(broken), out string line));
        Assert.Contains("latin.ttf", line);
    }

    [Theory]
    [InlineData("id", "\"id\":\"store-test-pack\"", "\"id\":\"../../etc\"", "manifest.json: id")]
    [InlineData("version with ESC", "\"version\":\"1.0.0\"", "\"version\":\"9.9.9\\n\\u001b[31mRED\"", "manifest.json: version")]
    [InlineData("id not the content's", "\"id\":\"store-test-pack\"", "\"id\":\"another-pack\"", "cases.json")]
    [InlineData("duplicate key", "\"id\":\"store-test-pack\"", "\"id\":\"store-test-pack\",\"id\":\"dupe-evil\"", "key given twice")]
    [InlineData("1 MB padding", "\"id\":\"store-test-pack\"", "\"id\":\"store-test-pack\",\"pad\":\"PAD\"", "at most")]
    public void A_manifest_that_lies_or_is_malformed_is_refused(string what, string find, string replace, string expected)
    {
        // Padding that does not compress (as the probe's), so only the manifest's size limit can refuse it, not the zip
        // bomb ratio check.
        var random = new Random(7);
        string padding = new([.. Enumerable.Range(0, (int)PackFormat.MaxManifestBytes).Select(_ => (char)('a' + random.Next(26)))]);
        string padded = replace.Replace("PAD", padding, StringComparison.Ordinal);
        string bad = PackSurgery.Rewrite(packs.Pack("1.0.0"), _dir.Combine("manifest.kpack"), (_, b) => b, text =>
        {
            Assert.Contains(find, text);
            return text.Replace(find, padded, StringComparison.Ordinal);
        });

        var verified = PackVerifier.Verify(bad);

        Assert.False(verified.Ok, what);
        string message = string.Join(" ", verified.Diagnostics);
        Assert.Contains(expected, message);
        Assert.DoesNotContain('\u001b', message);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void A_nul_in_displayed_text_is_refused()
    {
        string bad = PackSurgery.Rewrite(packs.Pack("1.0.0"), _dir.Combine("nul.kpack"), (name, bytes) =>
        {
            if (name != "cases.json")
            {
                return bytes;
            }

            string text = Encoding.UTF8.GetString(bytes);
            int title = text.IndexOf("\"title\": \"", text.IndexOf("\"cases\"", StringComparison.Ordinal), StringComparison.Ordinal) + 10;
            return Encoding.UTF8.GetBytes(text.Insert(title, "\\u0000"));
        });

        var verified = PackVerifier.Verify(bad);

        Assert.False(verified.Ok);
        Assert.Contains(verified.Diagnostics, d => d.Message.Contains("U+0000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stalled_receive_gives_up_and_releases_the_store_lock()
    {
        var stalled = Store(allowUnsigned: true, idle: TimeSpan.FromSeconds(1));
        using var never = new StallingStream();

        var result = await Task.Run(() => stalled.Install(never, "stdin")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(result.Ok);
        Assert.Contains("stalled", string.Join(" ", result.Problems));
        Assert.True(Store(allowUnsigned: true).Install(packs.Pack("1.0.0")).Ok, "the lock was released");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Combine("store", ".staging")));
    }

    [Fact]
    public void Partial_staging_left_by_a_killed_receive_is_cleaned_at_the_next_start()
    {
        var store = Store(allowUnsigned: true);
        Assert.True(store.Install(packs.Pack("1.0.0")).Ok);
        string leftover = _dir.Combine("store", ".staging", "0123456789abcdef");
        Directory.CreateDirectory(leftover);
        File.WriteAllBytes(Path.Combine(leftover, "pack.kpack"), new byte[4096]);

        store.RecoverAtStart();

        Assert.False(Directory.Exists(leftover));
    }

    private PackStore Store(bool allowUnsigned, TimeSpan? idle = null) =>
        new(new PackStoreOptions { Root = _dir.Combine("store"), TrustedKeysDir = _dir.Combine("no-keys"), AllowUnsigned = allowUnsigned, ReadIdleTimeout = idle ?? TimeSpan.FromSeconds(60) }, _time);

    private int Receive(byte[] stdin, out string output)
    {
        using var @out = new StringWriter();
        using var err = new StringWriter();
        var console = new CliConsole(@out, err);
        var pack = new Command("pack");
        StoreCommands.AddTo(pack, console, _time, () => new MemoryStream(stdin));
        var parse = new RootCommand { pack }.Parse(["pack", "receive", "--store", _dir.Combine("store"), "--trusted-keys", _dir.Combine("no-keys"), "--allow-unsigned"]);
        int exit = parse.Invoke(new InvocationConfiguration { Output = @out, Error = err });
        output = @out.ToString() + err;
        return exit;
    }

    /// <summary>stdin from an ssh session whose network went away: open, and never a byte.</summary>
    private sealed class StallingStream : Stream
    {
        private readonly ManualResetEventSlim _never = new();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            _never.Wait(TimeSpan.FromMinutes(2));
            return 0;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _never.Set();
            _never.Dispose();
            base.Dispose(disposing);
        }
    }
}
