namespace Kiosk.Content.Validation;

/// <summary>Length limits shared by the validator and the README's schema table.</summary>
public static class TextRules
{
    public const int MaxTitleChars = 60;
    public const int MaxNameChars = 48;
    public const int MaxModeNameChars = 40;
    public const int MaxRelationChars = 40;
    public const int MaxFigureValueChars = 24;
    public const int MaxLabelChars = 30;
    public const int MaxThesisWords = 30;
    public const int MaxShortWords = 25;
    public const int MinSummaryWords = 60;
    public const int MaxSummaryWords = 120;
    public const int MaxQuoteWords = 25;
    public const int MaxQuotes = 6;
    public const int MinPhases = 5;
    public const int MaxPhases = 12;
    public const int MaxFigures = 5;
    public const int MaxPointWords = 16;

    public static int CountWords(string text)
    {
        int count = 0;
        bool inWord = false;
        foreach (char ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }

    public static bool IsId(string id) =>
        id.Length is > 0 and <= 40 && id.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && id[0] != '-';

    /// <summary>The first control character (U+0000 included) in a displayed text, or null: none is ever drawn.</summary>
    public static char? FirstControl(string text)
    {
        foreach (char ch in text)
        {
            if (Kiosk.Content.Diagnostics.SafeText.IsControl(ch))
            {
                return ch;
            }
        }

        return null;
    }
}
