using Microsoft.Extensions.Time.Testing;
using System.IO.Compression;
using System.Text;
using Kiosk.Content.Diagnostics;
using Kiosk.Content.Packing;
using Kiosk.Content.Tests.Support;

namespace Kiosk.Content.Tests;

/// <summary>A pack is trusted only after every entry checks out; each refusal says what is wrong.</summary>
public sealed class PackReaderTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _good;

    public PackReaderTests()
    {
        _good = _dir.File("good.kpack");
        new PackCompiler(FakeClock.AtPackBuildTime()).Build(TestFiles.TestSource, _good);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ChangedEntryFailsItsChecksum()
    {
        string bad = Rewrite(zip => Replace(zip, PackFormat.CasesEntry, bytes => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("River Town", "River Towm", StringComparison.Ordinal))));
        var d = Refused(bad);
        Assert.Equal(PackFormat.CasesEntry, d.Field);
        Assert.Contains("does not match the manifest", d.Message);
    }

    [Fact]
    public void ZipSlipNameIsRefused()
    {
        string bad = Rewrite(zip => Write(zip, "../../etc/x", "boom"u8.ToArray()));
        var d = Refused(bad);
        Assert.Equal("../../etc/x", d.Field);
        Assert.Contains("unexpected entry name", d.Message);
    }

    [Fact]
    public void MissingEntryIsRefused()
    {
        string bad = Rewrite(zip => zip.GetEntry(PackFormat.FontEntry("latin"))!.Delete());
        var d = Refused(bad);
        Assert.Equal(PackFormat.FontEntry("latin"), d.Field);
        Assert.Contains("missing", d.Message);
    }

    [Fact]
    public void TruncatedFileIsRefused()
    {
        byte[] bytes = File.ReadAllBytes(_good);
        string bad = _dir.File("truncated.kpack");
        File.WriteAllBytes(bad, bytes[..(bytes.Length / 2)]);
        var d = Refused(bad);
        Assert.Contains("zip", d.Message);
    }

    [Fact]
    public void NotAZipIsRefused()
    {
        string bad = _dir.File("text.kpack");
        File.WriteAllText(bad, "hello");
        Assert.Contains("not a readable zip", Refused(bad).Message);
    }

    [Fact]
    public void WrongFormatVersionIsRefused()
    {
        string bad = Rewrite(zip => Replace(zip, PackFormat.ManifestEntry, b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("\"format\": 1", "\"format\": 99", StringComparison.Ordinal))));
        Assert.Contains("pack format 99 is not supported", Refused(bad).Message);
    }

    [Fact]
    public void HighCompressionRatioIsRefused()
    {
        string bad = Rewrite(zip => Replace(zip, PackFormat.CasesEntry, _ => new byte[10_000_000]));
        Assert.Contains("ratio", Refused(bad).Message);
    }

    private Diagnostic Refused(string path)
    {
        var ex = Assert.Throws<ContentException>(() => PackReader.Read(path));
        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal(path, d.File);
        return d;
    }

    private string Rewrite(Action<ZipArchive> edit)
    {
        string path = _dir.File(Guid.NewGuid().ToString("N") + ".kpack");
        File.Copy(_good, path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            edit(zip);
        }

        return path;
    }

    private static void Replace(ZipArchive zip, string name, Func<byte[], byte[]> change)
    {
        var entry = zip.GetEntry(name)!;
        byte[] bytes;
        using (var s = entry.Open())
        using (var m = new MemoryStream())
        {
            s.CopyTo(m);
            bytes = m.ToArray();
        }

        entry.Delete();
        Write(zip, name, change(bytes));
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        s.Write(bytes);
    }
}
