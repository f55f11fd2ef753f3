using System.Buffers.Binary;
using Kiosk.Faults.Packs;

namespace Kiosk.Fleet.Harness;

/// <summary>
/// A pack that passes every check the store makes (checksums, schema, glyph coverage) but that the renderer
/// cannot draw: its Latin font's <c>head</c> table is renamed, so HarfBuzz still reads the character map while
/// Skia (FreeType) refuses the face. A running kiosk that swaps it in stops; under a restart loop it never
/// shows a frame of it. Exactly the kind of pack a health check exists for.
/// </summary>
internal static class CrashingPack
{
    public const string FontEntry = "fonts/latin.ttf";

    public static string From(string goodPack, string output)
    {
        var parts = PackParts.Read(File.ReadAllBytes(goodPack));
        byte[] font = parts.Single(p => p.Name == FontEntry).Bytes.ToArray();
        int tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        bool renamed = false;
        for (int i = 0; i < tables; i++)
        {
            var tag = font.AsSpan(12 + (16 * i), 4);
            if (tag.SequenceEqual("head"u8))
            {
                "hexd"u8.CopyTo(tag);
                renamed = true;
            }
        }

        Assert.True(renamed, $"{goodPack}: {FontEntry} has no head table to break");
        File.WriteAllBytes(output, PackParts.Write(PackParts.ReplaceConsistently(parts, FontEntry, font)));
        return output;
    }
}
