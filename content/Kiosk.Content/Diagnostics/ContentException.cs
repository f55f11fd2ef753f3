namespace Kiosk.Content.Diagnostics;

/// <summary>Thrown when sources or a pack are refused; carries every diagnostic found.</summary>
public sealed class ContentException : Exception
{
    public ContentException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public ContentException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
