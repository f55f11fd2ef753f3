using System.Globalization;

namespace Kiosk.Content.Sources;

/// <summary>Parses a phase's years: <c>2012</c>, <c>2012-2015</c> (hyphen or en dash) or <c>2015-</c> (ongoing).</summary>
public static class YearRange
{
    public static bool TryParse(string text, out int start, out int? end)
    {
        start = 0;
        end = null;
        string[] parts = text.Replace('\u2013', '-').Split('-', 2);
        if (!TryYear(parts[0].Trim(), out start))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            end = start;
            return true;
        }

        string tail = parts[1].Trim();
        if (tail.Length == 0)
        {
            return true;
        }

        if (!TryYear(tail, out int last) || last < start)
        {
            return false;
        }

        end = last;
        return true;
    }

    private static bool TryYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1800 and <= 2100 && text.Length == 4;
}
