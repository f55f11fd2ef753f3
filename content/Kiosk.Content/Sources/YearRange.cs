using System.Globalization;

namespace Kiosk.Content.Sources;

/// <summary>
/// Parses a phase's years: <c>2012</c>, <c>2012-2015</c> (hyphen or en dash), <c>2015-</c> (ongoing), or a decade
/// where the paper gives no closer date (<c>2000s-</c>, <c>1990-2000s</c>): a decade starts at its first year and
/// ends at its last.
/// </summary>
public static class YearRange
{
    public static bool TryParse(string text, out int start, out int? end)
    {
        start = 0;
        end = null;
        string[] parts = text.Replace('\u2013', '-').Split('-', 2);
        if (!TryYear(parts[0].Trim(), out start, out bool decade))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            end = decade ? start + 9 : start;
            return true;
        }

        string tail = parts[1].Trim();
        if (tail.Length == 0)
        {
            return true;
        }

        if (!TryYear(tail, out int last, out bool endDecade) || last < start)
        {
            return false;
        }

        end = endDecade ? last + 9 : last;
        return true;
    }

    private static bool TryYear(string text, out int year, out bool decade)
    {
        decade = text.Length == 5 && text[4] == 's' && text[3] == '0';
        string digits = decade ? text[..4] : text;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1800 and <= 2100 && digits.Length == 4;
    }
}
