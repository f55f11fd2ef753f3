namespace Kiosk.Content.Sources;

/// <summary>Where each field of a source file was written, so later checks can point at the exact line.</summary>
public sealed class SourceMap(string file)
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    public string File { get; } = file;

    public void Record(string path, int line, int column) => _positions[path] = (line, column);

    /// <summary>The position of <paramref name="path"/>, or of its nearest recorded parent.</summary>
    public (int Line, int Column) Find(string path)
    {
        for (string p = path; ; p = Parent(p))
        {
            if (_positions.TryGetValue(p, out var pos))
            {
                return pos;
            }

            if (p.Length == 0)
            {
                return (0, 0);
            }
        }
    }

    public Diagnostics.Diagnostic At(string path, string message)
    {
        var (line, column) = Find(path);
        return new Diagnostics.Diagnostic(File, line, column, path, message);
    }

    private static string Parent(string path)
    {
        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }
}
