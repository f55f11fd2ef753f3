using System.Buffers.Binary;

namespace Kiosk.Tests.Shared;

/// <summary>Edits inside a TrueType/OpenType file that keep it well-formed to a checksum reader.</summary>
public static class FontSurgery
{
    /// <summary>The font with another <c>head.unitsPerEm</c> and the <c>head</c> table's directory checksum made right again.</summary>
    public static byte[] WithUnitsPerEm(byte[] font, ushort unitsPerEm)
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

        throw new InvalidOperationException("the font has no head table");
    }
}
