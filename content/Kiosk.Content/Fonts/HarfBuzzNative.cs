using System.Runtime.InteropServices;

namespace Kiosk.Content.Fonts;

/// <summary>
/// The few HarfBuzz entry points that HarfBuzzSharp's native library exports but its managed API does not wrap
/// (hb-subset, hb_set and hb_draw). Same library, so no extra native dependency.
/// </summary>
internal static unsafe partial class HarfBuzzNative
{
    private const string Lib = "libHarfBuzzSharp";

    public const uint SetValueInvalid = uint.MaxValue; // HB_SET_VALUE_INVALID

    [LibraryImport(Lib)]
    public static partial IntPtr hb_subset_input_create_or_fail();

    [LibraryImport(Lib)]
    public static partial IntPtr hb_subset_input_unicode_set(IntPtr input);

    [LibraryImport(Lib)]
    public static partial void hb_subset_input_set_flags(IntPtr input, uint flags);

    [LibraryImport(Lib)]
    public static partial void hb_subset_input_destroy(IntPtr input);

    [LibraryImport(Lib)]
    public static partial IntPtr hb_set_create();

    [LibraryImport(Lib)]
    public static partial void hb_set_destroy(IntPtr set);

    [LibraryImport(Lib)]
    public static partial void hb_set_add(IntPtr set, uint codepoint);

    [LibraryImport(Lib)]
    [return: MarshalAs(UnmanagedType.I4)]
    public static partial bool hb_set_next(IntPtr set, ref uint codepoint);

    [LibraryImport(Lib)]
    public static partial void hb_face_collect_unicodes(IntPtr face, IntPtr set);

    [LibraryImport(Lib)]
    public static partial IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);

    [LibraryImport(Lib)]
    public static partial IntPtr hb_face_reference_blob(IntPtr face);

    [LibraryImport(Lib)]
    public static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [LibraryImport(Lib)]
    public static partial void hb_blob_destroy(IntPtr blob);

    [LibraryImport(Lib)]
    public static partial void hb_face_destroy(IntPtr face);

    [LibraryImport(Lib)]
    public static partial IntPtr hb_draw_funcs_create();

    [LibraryImport(Lib)]
    public static partial void hb_draw_funcs_destroy(IntPtr funcs);

    [LibraryImport(Lib)]
    public static partial void hb_draw_funcs_set_move_to_func(IntPtr funcs, delegate* unmanaged<IntPtr, IntPtr, IntPtr, float, float, IntPtr, void> func, IntPtr userData, IntPtr destroy);

    [LibraryImport(Lib)]
    public static partial void hb_draw_funcs_set_line_to_func(IntPtr funcs, delegate* unmanaged<IntPtr, IntPtr, IntPtr, float, float, IntPtr, void> func, IntPtr userData, IntPtr destroy);

    [LibraryImport(Lib)]
    public static partial void hb_draw_funcs_set_quadratic_to_func(IntPtr funcs, delegate* unmanaged<IntPtr, IntPtr, IntPtr, float, float, float, float, IntPtr, void> func, IntPtr userData, IntPtr destroy);

    [LibraryImport(Lib)]
    public static partial void hb_draw_funcs_set_cubic_to_func(IntPtr funcs, delegate* unmanaged<IntPtr, IntPtr, IntPtr, float, float, float, float, float, float, IntPtr, void> func, IntPtr userData, IntPtr destroy);

    [LibraryImport(Lib)]
    public static partial void hb_font_draw_glyph(IntPtr font, uint glyph, IntPtr funcs, IntPtr drawData);
}
