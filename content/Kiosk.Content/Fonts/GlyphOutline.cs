using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kiosk.Content.Fonts;

/// <summary>
/// A glyph's outline decoded by HarfBuzz's own drawing code (<c>hb_font_draw_glyph</c>), as a rasteriser would
/// walk it: how many segments it has and the box its points span, in font units. Damaged glyph data decodes to
/// no segments or to points far outside the em.
/// </summary>
internal static unsafe class GlyphOutline
{
    private static readonly IntPtr Funcs = CreateFuncs();

    [StructLayout(LayoutKind.Sequential)]
    public struct Walk
    {
        public int Segments;
        public float MinX;
        public float MinY;
        public float MaxX;
        public float MaxY;
    }

    public static Walk Draw(HarfBuzzSharp.Font font, uint glyph)
    {
        var walk = new Walk { MinX = float.MaxValue, MinY = float.MaxValue, MaxX = float.MinValue, MaxY = float.MinValue };
        HarfBuzzNative.hb_font_draw_glyph(font.Handle, glyph, Funcs, (IntPtr)Unsafe.AsPointer(ref walk));
        return walk;
    }

    private static IntPtr CreateFuncs()
    {
        IntPtr funcs = HarfBuzzNative.hb_draw_funcs_create();
        HarfBuzzNative.hb_draw_funcs_set_move_to_func(funcs, &To, IntPtr.Zero, IntPtr.Zero);
        HarfBuzzNative.hb_draw_funcs_set_line_to_func(funcs, &To, IntPtr.Zero, IntPtr.Zero);
        HarfBuzzNative.hb_draw_funcs_set_quadratic_to_func(funcs, &Quadratic, IntPtr.Zero, IntPtr.Zero);
        HarfBuzzNative.hb_draw_funcs_set_cubic_to_func(funcs, &Cubic, IntPtr.Zero, IntPtr.Zero);
        return funcs;
    }

    [UnmanagedCallersOnly]
    private static void To(IntPtr funcs, IntPtr data, IntPtr state, float x, float y, IntPtr user) => Add((Walk*)data, x, y);

    [UnmanagedCallersOnly]
    private static void Quadratic(IntPtr funcs, IntPtr data, IntPtr state, float cx, float cy, float x, float y, IntPtr user)
    {
        Add((Walk*)data, cx, cy);
        Add((Walk*)data, x, y);
    }

    [UnmanagedCallersOnly]
    private static void Cubic(IntPtr funcs, IntPtr data, IntPtr state, float c1x, float c1y, float c2x, float c2y, float x, float y, IntPtr user)
    {
        Add((Walk*)data, c1x, c1y);
        Add((Walk*)data, c2x, c2y);
        Add((Walk*)data, x, y);
    }

    private static void Add(Walk* walk, float x, float y)
    {
        walk->Segments++;
        walk->MinX = Math.Min(walk->MinX, x);
        walk->MinY = Math.Min(walk->MinY, y);
        walk->MaxX = Math.Max(walk->MaxX, x);
        walk->MaxY = Math.Max(walk->MaxY, y);
    }
}
