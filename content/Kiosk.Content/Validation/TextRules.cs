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
    // The schema's range; pack build holds new summaries to ReadingBudget.MaxBodyWords (75), while packs built
    // before the budgets (up to 120 words) still load on a kiosk.
    public const int MinSummaryWords = 30;
    public const int MaxSummaryWords = 120;
    public const int MaxQuoteWords = 25;
    public const int MaxQuotes = 6;
    public const int MinPhases = 5;
    public const int MaxPhases = 12;
    public const int MaxFigures = 5;
    public const int MaxPointWords = 16;
    public const int MaxModeShortWords = 12;
    public const int MaxByChars = 60;
    public const int MaxUnitChars = 20;
    public const int MaxCategoryChars = 20;
    public const int MaxComparisonFigures = 6;

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

    /// <summary>
    /// What is wrong with the first character a displayed text may not hold, or null: a control character
    /// (U+0000 included), which is never drawn, or a bidirectional override or isolate, which reorders what follows.
    /// </summary>
    public static string? FirstForbidden(string text)
    {
        foreach (char ch in text)
        {
            if (Kiosk.Content.Diagnostics.SafeText.IsControl(ch))
            {
                return $"holds the control character U+{(int)ch:X4}; displayed text may not";
            }

            if (Kiosk.Content.Diagnostics.SafeText.IsBidiControl(ch))
            {
                return $"holds the bidirectional control U+{(int)ch:X4}, which reorders the text after it; displayed text may not";
            }
        }

        return null;
    }
}
