namespace Kiosk.Content.Diagnostics;

/// <summary>
/// One problem found in a source or a pack, printed the way compilers print them so editors can jump to it:
/// <c>seeds/jieyang.yaml:42:7: phases[3].diagram.edges[2].to: unknown actor 'smec'</c>.
/// </summary>
public sealed record Diagnostic(string File, int Line, int Column, string Field, string Message)
{
    public override string ToString()
    {
        // Escaped: a pack's own strings reach operators' terminals and logs through these lines.
        string where = Line > 0 ? $"{SafeText.Escape(File)}:{Line}:{Column}" : SafeText.Escape(File);
        return string.IsNullOrEmpty(Field) ? $"{where}: {SafeText.Escape(Message)}" : $"{where}: {SafeText.Escape(Field)}: {SafeText.Escape(Message)}";
    }
}
