using System.Runtime.InteropServices;
using System.Text;
using HarfBuzzSharp;

namespace Kiosk.Content.Fonts;

/// <summary>
/// Which characters a set of fonts can draw. The renderer falls back from the Latin face to the CJK face per
/// run, so a character is drawable if any face in the pack has a glyph for it.
/// </summary>
public sealed class GlyphCoverage
{
    private readonly List<HashSet<int>> _faces = [];

    public static GlyphCoverage FromFonts(IEnumerable<byte[]> fonts)
    {
        var coverage = new GlyphCoverage();
        foreach (byte[] font in fonts)
        {
            coverage._faces.Add(ReadCmap(font));
        }

        return coverage;
    }

    public bool Covers(int codepoint) => IsIgnorable(codepoint) || _faces.Exists(f => f.Contains(codepoint));

    /// <summary>The first character of <paramref name="text"/> no face can draw, or null.</summary>
    public Rune? FirstMissing(string text)
    {
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (!Covers(rune.Value))
            {
                return rune;
            }
        }

        return null;
    }

    /// <summary>Control characters and line breaks are never drawn, so no glyph is needed.</summary>
    public static bool IsIgnorable(int codepoint) => codepoint < 0x20 || codepoint is 0x7F or 0x200B or 0xFEFF;

    /// <summary>Reads the characters a font maps; a file that is not a font maps none.</summary>
    public static HashSet<int> ReadCmap(byte[] font)
    {
        var pinned = GCHandle.Alloc(font, GCHandleType.Pinned);
        try
        {
            using var blob = new Blob(pinned.AddrOfPinnedObject(), font.Length, MemoryMode.ReadOnly);
            using var face = new Face(blob, 0);
            IntPtr set = HarfBuzzNative.hb_set_create();
            var result = new HashSet<int>();
            try
            {
                HarfBuzzNative.hb_face_collect_unicodes(face.Handle, set);
                uint cp = HarfBuzzNative.SetValueInvalid;
                while (HarfBuzzNative.hb_set_next(set, ref cp))
                {
                    result.Add((int)cp);
                }
            }
            finally
            {
                HarfBuzzNative.hb_set_destroy(set);
            }

            return result;
        }
        finally
        {
            pinned.Free();
        }
    }
}
