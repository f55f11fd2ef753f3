using System.Globalization;
using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Kiosk.Render.Text;

/// <summary>
/// Shapes (HarfBuzz), wraps and fits text. Each run is shaped with the face that has its glyphs — Latin
/// first, then CJK — and lines break at spaces or between CJK characters.
/// </summary>
public sealed class TextEngine : IDisposable
{
    private const float LineSpacing = 1.28f;
    private readonly FontSet _fonts;
    private readonly Dictionary<SKTypeface, SKShaper> _shapers = [];
    private readonly Dictionary<(SKTypeface, float), SKFont> _skFonts = [];
    private readonly Dictionary<(string, float, bool), float> _widths = [];

    public TextEngine(FontSet fonts) => _fonts = fonts;

    public FontSet Fonts => _fonts;

    /// <summary>Wraps at a fixed size; lines beyond <paramref name="maxLines"/> are cut with an ellipsis.</summary>
    public TextLayout Layout(string text, float size, float width, bool bold = false, int maxLines = int.MaxValue)
    {
        var lines = Wrap(text, size, width, bold, out _);
        bool overflow = lines.Count > maxLines;
        if (overflow)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = Ellipsize(lines[^1], size, width, bold);
        }

        return new TextLayout(lines, size, size * LineSpacing, overflow);
    }

    /// <summary>
    /// The largest size from <paramref name="maxSize"/> down to <paramref name="minSize"/> at which the text fits
    /// the box; at the minimum it is cut with an ellipsis and marked <see cref="TextLayout.Overflowed"/> (as is a
    /// box too low for even one line at the minimum).
    /// </summary>
    public TextLayout Fit(string text, float width, float height, float maxSize, float minSize, bool bold = false)
    {
        for (float size = maxSize; size >= minSize; size *= 0.94f)
        {
            // Breaking a word mid-way is the last resort: a smaller size that keeps words whole is preferred.
            var lines = Wrap(text, size, width, bold, out bool brokeWord);
            if (!brokeWord && lines.Count * size * LineSpacing <= height + 0.5f && lines.All(l => l.Width <= width + 0.5f))
            {
                return new TextLayout(lines, size, size * LineSpacing, overflowed: false);
            }
        }

        int maxLines = Math.Max(1, (int)(height / (minSize * LineSpacing)));
        var cut = Layout(text, minSize, width, bold, maxLines);
        // Even one line taller than the box spills over what is under it: that is an overflow too.
        return cut.Overflowed || cut.Height <= height + 0.5f ? cut : new TextLayout(cut.Lines, cut.Size, cut.LineHeight, overflowed: true);
    }

    public float Measure(string text, float size, bool bold = false) => BuildLine(text, size, bold).Width;

    public void Dispose()
    {
        foreach (var s in _shapers.Values)
        {
            s.Dispose();
        }

        foreach (var f in _skFonts.Values)
        {
            f.Dispose();
        }
    }

    private List<TextLine> Wrap(string text, float size, float width, bool bold, out bool brokeWord)
    {
        brokeWord = false;
        // Words are measured once each and summed: shaping every candidate line would make a first render slow.
        var lines = new List<TextLine>();
        foreach (string paragraph in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var current = new StringBuilder();
            float currentWidth = 0;
            foreach (string atom in Atoms(paragraph))
            {
                string word = current.Length == 0 ? atom.TrimStart() : atom;
                float w = AtomWidth(word, size, bold);
                if (current.Length > 0 && currentWidth + AtomWidth(word.TrimEnd(), size, bold) > width)
                {
                    lines.Add(BuildLine(current.ToString().TrimEnd(), size, bold));
                    current.Clear();
                    word = atom.TrimStart();
                    w = AtomWidth(word, size, bold);
                    currentWidth = 0;
                }

                current.Append(word);
                currentWidth += w;

                // A single word wider than the box is broken between characters rather than overflowing it.
                while (currentWidth > width && current.Length > 1)
                {
                    brokeWord = true;
                    string all = current.ToString();
                    int fit = LongestPrefix(all, size, width, bold);
                    lines.Add(BuildLine(all[..fit], size, bold));
                    current.Remove(0, fit);
                    currentWidth = AtomWidth(current.ToString(), size, bold);
                }
            }

            lines.Add(BuildLine(current.ToString().TrimEnd(), size, bold));
        }

        return lines;
    }

    private float AtomWidth(string atom, float size, bool bold)
    {
        var key = (atom, MathF.Round(size * 4) / 4, bold);
        if (!_widths.TryGetValue(key, out float w))
        {
            w = BuildLine(atom, size, bold).Width;
            _widths[key] = w;
        }

        return w;
    }

    /// <summary>Break opportunities: each space-led word, and each CJK character on its own.</summary>
    private static IEnumerable<string> Atoms(string paragraph)
    {
        var sb = new StringBuilder();
        var e = StringInfo.GetTextElementEnumerator(paragraph);
        while (e.MoveNext())
        {
            string element = e.GetTextElement();
            int cp = char.ConvertToUtf32(element, 0);
            bool space = element == " ";
            bool cjk = IsCjk(cp);
            if ((space || cjk) && sb.Length > 0 && !(sb.Length > 0 && sb.ToString().Trim().Length == 0))
            {
                yield return sb.ToString();
                sb.Clear();
            }

            sb.Append(element);
            if (cjk)
            {
                yield return sb.ToString();
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            yield return sb.ToString();
        }
    }

    private static bool IsCjk(int cp) => cp is (>= 0x2E80 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF00 and <= 0xFFEF) or (>= 0x20000 and <= 0x2FFFF);

    private int LongestPrefix(string text, float size, float width, bool bold)
    {
        int n = text.Length - 1;
        while (n > 1 && BuildLine(text[..n], size, bold).Width > width)
        {
            n--;
        }

        return Math.Max(1, n);
    }

    private TextLine Ellipsize(TextLine line, float size, float width, bool bold)
    {
        string text = string.Concat(line.Runs.Select(r => r.Text)).TrimEnd();
        while (text.Length > 0 && BuildLine(text + "…", size, bold).Width > width)
        {
            text = text[..^1];
        }

        return BuildLine(text.TrimEnd() + "…", size, bold);
    }

    /// <summary>Cuts the text into runs by face and shapes each one.</summary>
    internal TextLine BuildLine(string text, float size, bool bold)
    {
        var runs = new List<TextRun>();
        float x = 0;
        int start = 0;
        SKTypeface? face = null;
        for (int i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            var f = _fonts.FaceFor(char.ConvertToUtf32(text, i), bold);
            if (face is not null && !ReferenceEquals(f, face))
            {
                x = AddRun(runs, face, text[start..i], size, x);
                start = i;
            }

            face = f;
        }

        if (face is not null && start < text.Length)
        {
            x = AddRun(runs, face, text[start..], size, x);
        }

        return new TextLine(runs, x);
    }

    private float AddRun(List<TextRun> runs, SKTypeface face, string text, float size, float x)
    {
        var shaper = Shaper(face);
        var font = Font(face, size);
        float w = shaper.Shape(text, font).Width;
        runs.Add(new TextRun(shaper, font, text, x, w));
        return x + w;
    }

    private SKShaper Shaper(SKTypeface face)
    {
        if (!_shapers.TryGetValue(face, out var shaper))
        {
            shaper = new SKShaper(face);
            _shapers[face] = shaper;
        }

        return shaper;
    }

    private SKFont Font(SKTypeface face, float size)
    {
        float key = MathF.Round(size * 4) / 4;
        if (!_skFonts.TryGetValue((face, key), out var font))
        {
            font = new SKFont(face, key) { Subpixel = true, Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.None };
            _skFonts[(face, key)] = font;
        }

        return font;
    }
}
