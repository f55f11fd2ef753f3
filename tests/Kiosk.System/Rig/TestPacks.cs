using System.Buffers.Binary;

namespace Kiosk.SystemTests.Rig;

/// <summary>
/// Packs compiled from this repository's seeds/ with another title and version, so the glass tells them apart,
/// signed with the key the appliance trusts (as staff sign before a push) unless asked not to.
/// </summary>
public static class TestPacks
{
    public static string Variant(string version, string title, string dir, bool signed = true)
    {
        string source = Path.Combine(dir, "seeds-" + version);
        Directory.CreateDirectory(source);
        foreach (string file in Directory.GetFiles(Repo.Path("seeds")))
        {
            File.Copy(file, Path.Combine(source, Path.GetFileName(file)), overwrite: true);
        }

        string manifest = Path.Combine(source, "pack.yaml");
        var lines = File.ReadAllLines(manifest).Select(l =>
            l.StartsWith("version:", StringComparison.Ordinal) ? $"version: {version}"
            : l.StartsWith("title:", StringComparison.Ordinal) ? $"title: {title}"
            : l);
        File.WriteAllLines(manifest, lines);
        string pack = PackBuilder.Build(source, Path.Combine(dir, $"cases-{version}{(signed ? "" : "-unsigned")}.kpack"));
        return signed ? ApplianceImage.Instance.Sign(pack) : pack;
    }

    /// <summary>
    /// A pack that verifies everywhere (checksums, schema, and every font proved by HarfBuzz drawing its glyphs)
    /// but that the renderer cannot draw: its Latin font's <c>head.unitsPerEm</c> is 20000. HarfBuzz, which the
    /// verifier uses, reads a units-per-em outside 16..16384 as 1000 and goes on; FreeType, under Skia in the
    /// renderer, refuses the whole face, so <c>SKTypeface.FromData</c> gives null and the renderer throws "the
    /// pack has no usable 'latin' font". Not made up for the test: two font engines that disagree about a file
    /// is how a pack passes every check and still fails on the device. The table's checksum is fixed, the
    /// manifest lists the new bytes, and the pack is signed, so only the device can find out.
    /// </summary>
    public static string UnreadableByTheRenderer(string version, string dir)
    {
        string built = Variant(version, "Fails Only on the Device", dir, signed: false);
        string pack = PackSurgery.Rewrite(built, Path.Combine(dir, $"cases-{version}-bad-font.kpack"),
            (name, bytes) => name == "fonts/latin.ttf" ? WithUnitsPerEm(bytes, 20000) : bytes);
        return ApplianceImage.Instance.Sign(pack);
    }

    /// <summary>The font with another <c>head.unitsPerEm</c> and the <c>head</c> table's directory checksum made right again.</summary>
    private static byte[] WithUnitsPerEm(byte[] font, ushort unitsPerEm)
    {
        byte[] patched = (byte[])font.Clone();
        int tables = BinaryPrimitives.ReadUInt16BigEndian(patched.AsSpan(4));
        for (int i = 0; i < tables; i++)
        {
            int record = 12 + (16 * i);
            if (!patched.AsSpan(record, 4).SequenceEqual("head"u8))
            {
                continue;
            }

            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(patched.AsSpan(record + 8));
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(patched.AsSpan(record + 12));
            BinaryPrimitives.WriteUInt16BigEndian(patched.AsSpan(offset + 18), unitsPerEm);
            // The table checksum: the sum of its big-endian 32-bit words (zero-padded), checkSumAdjustment (at 8) as 0.
            byte[] table = new byte[(length + 3) & ~3];
            patched.AsSpan(offset, length).CopyTo(table);
            table.AsSpan(8, 4).Clear();
            uint sum = 0;
            for (int w = 0; w < table.Length; w += 4)
            {
                sum += BinaryPrimitives.ReadUInt32BigEndian(table.AsSpan(w));
            }

            BinaryPrimitives.WriteUInt32BigEndian(patched.AsSpan(record + 4), sum);
            return patched;
        }

        throw new InvalidOperationException("the pack's latin font has no head table");
    }
}
