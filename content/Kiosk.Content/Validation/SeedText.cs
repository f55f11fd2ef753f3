using System.Text;
using System.Text.RegularExpressions;

namespace Kiosk.Content.Validation;

/// <summary>
/// A seed paper's text in a form quotes can be matched against: OCR line breaks and line-end hyphens joined,
/// whitespace collapsed, and markdown emphasis dropped, while remembering which line each character came from.
/// </summary>
public sealed partial class SeedText
{
    private readonly string[] _lines;
    private readonly string _normal;
    private readonly int[] _lineOf; // 1-based source line of each character of _normal

    public SeedText(string text)
    {
        _lines = text.Replace("\r\n", "\n").Split('\n');
        var sb = new StringBuilder(text.Length);
        var lineOf = new List<int>(text.Length);
        for (int i = 0; i < _lines.Length; i++)
        {
            string line = _lines[i].TrimEnd();
            // A word broken across lines ("transforma-" + "tion") joins without the hyphen or a space.
            bool joinsNext = line.EndsWith('-') && line.Length > 1 && char.IsLetter(line[^2]);
            if (joinsNext)
            {
                line = line[..^1];
            }

            Append(sb, lineOf, line, i + 1);
            if (!joinsNext)
            {
                Append(sb, lineOf, " ", i + 1);
            }
        }

        _normal = sb.ToString();
        _lineOf = [.. lineOf];
    }

    public int LineCount => _lines.Length;

    public string Line(int line) => line >= 1 && line <= _lines.Length ? _lines[line - 1] : string.Empty;

    /// <summary>The lines (1-based) where <paramref name="quote"/> starts, in order.</summary>
    public IReadOnlyList<int> FindStarts(string quote)
    {
        string needle = Normalize(quote);
        var starts = new List<int>();
        if (needle.Length == 0)
        {
            return starts;
        }

        for (int at = _normal.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = _normal.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            starts.Add(_lineOf[at]);
        }

        return starts;
    }

    /// <summary>True if every number in <paramref name="value"/> is printed on the given line or the next.</summary>
    public bool HasNumbersNear(string value, int line)
    {
        string near = Digits(Line(line) + " " + Line(line + 1));
        return NumberPattern().Matches(value).All(m => near.Contains(Digits(m.Value), StringComparison.Ordinal));
    }

    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        Append(sb, null, text, 0);
        return sb.ToString().Trim();
    }

    // Thousands separators and spaces vary between OCR and our figures; compare digits and decimal points only.
    private static string Digits(string text) => text.Replace(",", string.Empty, StringComparison.Ordinal);

    private static void Append(StringBuilder sb, List<int>? lineOf, string text, int line)
    {
        foreach (char raw in text)
        {
            char ch = raw switch
            {
                '\u00A0' or '\t' or '\n' or '\r' => ' ',
                _ => raw,
            };

            // Hyphens and emphasis markers are dropped on both sides: OCR keeps or loses them unpredictably.
            if (ch is '*' or '-' or '\u00AD' || (ch == ' ' && (sb.Length == 0 || sb[^1] == ' ')))
            {
                continue;
            }

            sb.Append(ch);
            lineOf?.Add(line);
        }
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex NumberPattern();
}
