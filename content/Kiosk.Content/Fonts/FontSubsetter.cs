using System.Runtime.InteropServices;
using HarfBuzzSharp;
using static Kiosk.Content.Fonts.HarfBuzzNative;

namespace Kiosk.Content.Fonts;

/// <summary>
/// Cuts a font down to the characters a pack uses, with HarfBuzz's own subsetter (hb-subset), which ships in
/// HarfBuzzSharp's native library but has no managed wrapper. A CJK face of several megabytes becomes tens of
/// kilobytes, so packs stay small enough to push over a slow gallery network.
/// </summary>
public static class FontSubsetter
{
    private const uint NoHinting = 0x1; // HB_SUBSET_FLAGS_NO_HINTING: hinting is useless on antialiased panels

    public static byte[] Subset(byte[] font, IEnumerable<int> codepoints)
    {
        var pinned = GCHandle.Alloc(font, GCHandleType.Pinned);
        try
        {
            using var blob = new Blob(pinned.AddrOfPinnedObject(), font.Length, MemoryMode.ReadOnly);
            using var face = new Face(blob, 0);
            IntPtr input = hb_subset_input_create_or_fail();
            if (input == IntPtr.Zero)
            {
                throw new InvalidOperationException("hb-subset could not allocate its input");
            }

            try
            {
                IntPtr unicodes = hb_subset_input_unicode_set(input);
                foreach (int cp in codepoints)
                {
                    hb_set_add(unicodes, (uint)cp);
                }

                hb_subset_input_set_flags(input, NoHinting);
                IntPtr subset = hb_subset_or_fail(face.Handle, input);
                if (subset == IntPtr.Zero)
                {
                    throw new InvalidOperationException("hb-subset refused the font (is it a TrueType/OpenType font?)");
                }

                try
                {
                    IntPtr outBlob = hb_face_reference_blob(subset);
                    try
                    {
                        IntPtr data = hb_blob_get_data(outBlob, out uint length);
                        byte[] result = new byte[length];
                        Marshal.Copy(data, result, 0, (int)length);
                        return result;
                    }
                    finally
                    {
                        hb_blob_destroy(outBlob);
                    }
                }
                finally
                {
                    hb_face_destroy(subset);
                }
            }
            finally
            {
                hb_subset_input_destroy(input);
            }
        }
        finally
        {
            pinned.Free();
        }
    }
}
