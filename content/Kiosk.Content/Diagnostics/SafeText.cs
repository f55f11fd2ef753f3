using System.Globalization;
using System.Text;

namespace Kiosk.Content.Diagnostics;

/// <summary>
/// Text from a pack or a stream made safe for a terminal or a log line: control characters (ESC, newline, NUL,
/// the C1 range), bidirectional overrides and lone surrogates become visible <c>\u001B</c>-style escapes, so a
/// hostile id or message can neither colour nor rewrite what an operator reads, nor forge a second log line.
/// </summary>
public static class SafeText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        int i = 0;
        while (i < text.Length && !NeedsEscape(text, i))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            if (NeedsEscape(text, i))
            {
                sb.Append("\\u").Append(((int)text[i]).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(text[i]);
                if (char.IsHighSurrogate(text[i]))
                {
                    sb.Append(text[++i]);
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>True for a character no displayed text may hold: C0/C1 controls and DEL (tab and line breaks included).</summary>
    public static bool IsControl(int c) => c < 0x20 || c is >= 0x7F and < 0xA0;

    /// <summary>
    /// True for a bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069): invisible, it
    /// reorders the text after it, so a label could read differently from what the curator wrote or a terminal shows.
    /// </summary>
    public static bool IsBidiControl(int c) => c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    private static bool NeedsEscape(string text, int i)
    {
        char c = text[i];
        if (IsControl(c) || IsBidiControl(c))
        {
            return true;
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
    }
}
