using SkiaSharp;

namespace Kiosk.Render.Text;

/// <summary>
/// The pack's faces, loaded from the bytes the pack carries, never from system fonts
/// (<c>SKTypeface.FromFamilyName</c> silently falls back to a face without CJK glyphs).
/// </summary>
public sealed class FontSet : IDisposable
{
    private FontSet(SKTypeface regular, SKTypeface bold, SKTypeface? cjk)
    {
        Regular = regular;
        Bold = bold;
        Cjk = cjk;
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public SKTypeface? Cjk { get; }

    public static FontSet Load(IReadOnlyDictionary<string, byte[]> fonts)
    {
        var regular = Face(fonts, "latin") ?? throw new InvalidOperationException("the pack has no usable 'latin' font");
        var bold = Face(fonts, "latin-bold") ?? regular;
        return new FontSet(regular, bold, Face(fonts, "cjk"));
    }

    /// <summary>The face to draw <paramref name="codepoint"/> with: the Latin face when it has the glyph, else the CJK face.</summary>
    public SKTypeface FaceFor(int codepoint, bool bold)
    {
        var latin = bold ? Bold : Regular;
        if (latin.GetGlyph(codepoint) != 0 || Cjk is null)
        {
            return latin;
        }

        return Cjk.GetGlyph(codepoint) != 0 ? Cjk : latin;
    }

    public void Dispose()
    {
        Regular.Dispose();
        if (!ReferenceEquals(Bold, Regular))
        {
            Bold.Dispose();
        }

        Cjk?.Dispose();
    }

    private static SKTypeface? Face(IReadOnlyDictionary<string, byte[]> fonts, string role)
    {
        if (!fonts.TryGetValue(role, out byte[]? bytes))
        {
            return null;
        }

        using var data = SKData.CreateCopy(bytes);
        return SKTypeface.FromData(data);
    }
}
