using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using HarfBuzzSharp;

namespace Kiosk.Content.Fonts;

/// <summary>
/// Proves a font draws the characters a pack uses, rather than trusting its character map: every table inside the
/// file with a checksum that matches, the text shaped with HarfBuzz, and every glyph it needs decoded to an outline
/// of sane size with an advance. A font cut short or with flipped bytes keeps its cmap (it comes first) and would
/// pass a cmap check, then draw nothing on the glass.
/// </summary>
public static class FontProof
{
    /// <summary>The first problem found, or null when every character of <paramref name="used"/> the font maps draws.</summary>
    public static string? Check(byte[] font, IReadOnlyCollection<int> used)
    {
        if (TableProblem(font) is { } tables)
        {
            return tables;
        }

        var pinned = GCHandle.Alloc(font, GCHandleType.Pinned);
        try
        {
            using var blob = new Blob(pinned.AddrOfPinnedObject(), font.Length, MemoryMode.ReadOnly);
            using var face = new Face(blob, 0);
            using var hb = new Font(face);
            int upem = face.UnitsPerEm;
            if (upem is < 16 or > 16384)
            {
                return $"units per em {upem} is not a font's";
            }

            var drawn = new StringBuilder();
            foreach (int cp in used.Order())
            {
                if (!hb.TryGetNominalGlyph(cp, out uint glyph) || glyph == 0)
                {
                    continue;
                }

                drawn.Append(char.ConvertFromUtf32(cp));
                if (Inkless(cp))
                {
                    continue;
                }

                if (hb.GetHorizontalGlyphAdvance(glyph) <= 0)
                {
                    return $"{Name(cp)}: glyph {glyph} has no advance (damaged metrics)";
                }

                var walk = GlyphOutline.Draw(hb, glyph);
                float limit = 4f * upem;
                if (walk.Segments == 0)
                {
                    return $"{Name(cp)}: glyph {glyph} has no outline (damaged glyph data)";
                }

                if (walk.MinX < -limit || walk.MaxX > limit || walk.MinY < -limit || walk.MaxY > limit)
                {
                    return $"{Name(cp)}: glyph {glyph} has points far outside the em (damaged glyph data)";
                }
            }

            // Shaping runs the layout tables (GSUB/GPOS) over the text, as the renderer will.
            using var buffer = new HarfBuzzSharp.Buffer();
            buffer.AddUtf16(drawn.ToString());
            buffer.GuessSegmentProperties();
            hb.Shape(buffer);
            return buffer.Length == 0 && drawn.Length > 0 ? "shaping produced no glyphs" : null;
        }
        finally
        {
            pinned.Free();
        }
    }

    /// <summary>Characters that draw nothing (spaces, format and control characters) need no outline.</summary>
    private static bool Inkless(int cp) =>
        GlyphCoverage.IsIgnorable(cp) || (cp <= 0xFFFF && (char.IsWhiteSpace((char)cp)
            || char.GetUnicodeCategory((char)cp) is UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.NonSpacingMark));

    private static string Name(int cp) => $"U+{cp:X4} '{char.ConvertFromUtf32(cp)}'";

    /// <summary>The table directory: every table inside the file, and its checksum right (head's adjustment excluded).</summary>
    private static string? TableProblem(byte[] font)
    {
        if (font.Length < 12)
        {
            return "too short to be a font";
        }

        uint version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version == 0x74746366)
        {
            return null; // 'ttcf': a collection; its members are checked by HarfBuzz as they are drawn.
        }

        int tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        if (12 + (16 * tables) > font.Length)
        {
            return $"table directory of {tables} tables runs past the end of the file ({font.Length:N0} bytes)";
        }

        for (int i = 0; i < tables; i++)
        {
            var record = font.AsSpan(12 + (16 * i), 16);
            string tag = Encoding.ASCII.GetString(record[..4]);
            uint checksum = BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
            long offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            long length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if (offset + length > font.Length)
            {
                return $"table '{Printable(tag)}' ({length:N0} bytes at {offset:N0}) runs past the end of the file ({font.Length:N0} bytes): truncated";
            }

            if (Sum(font, (int)offset, (int)length, tag == "head") != checksum)
            {
                return $"table '{Printable(tag)}' does not match its checksum: damaged";
            }

            // Read here, not from HarfBuzz: it takes a units-per-em outside the OpenType range as 1000 and draws on,
            // while FreeType, which draws on the glass (under Skia), refuses the whole face.
            if (tag == "head" && length >= 20 && BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan((int)offset + 18)) is var upem and (< 16 or > 16384))
            {
                return $"head.unitsPerEm is {upem}, outside OpenType's 16..16384: the renderer's font engine refuses such a font";
            }
        }

        return null;
    }

    private static uint Sum(byte[] font, int offset, int length, bool head)
    {
        uint sum = 0;
        for (int i = 0; i < length; i += 4)
        {
            uint word = 0;
            for (int b = 0; b < 4; b++)
            {
                // Bytes past the table (padding) count as zero; head's checkSumAdjustment (bytes 8-11) is left out.
                int at = i + b;
                byte value = at < length && offset + at < font.Length && !(head && at is >= 8 and < 12) ? font[offset + at] : (byte)0;
                word = (word << 8) | value;
            }

            sum += word;
        }

        return sum;
    }

    private static string Printable(string tag) => new(tag.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
