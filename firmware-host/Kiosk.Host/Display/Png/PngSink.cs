using System.Globalization;
using Kiosk.Render.Frames;

namespace Kiosk.Host.Display.Png;

/// <summary>
/// Writes every presented frame to DIR/frame-000001.png, ... for proofs and headless runs, keeping only the
/// newest files. Numbering continues after files left by an earlier run. A debugging sink: it encodes whole
/// frames and so does not share the panels' no-allocation rule.
/// </summary>
public sealed class PngSink : IDisplaySink
{
    private const string Prefix = "frame-";
    private const string Extension = ".png";

    private readonly string _directory;
    private readonly int _maxFiles;
    private readonly Queue<string> _written = new();
    private long _number;

    public PngSink(string directory, int width, int height, int maxFiles = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFiles, 1);
        _directory = Path.GetFullPath(directory);
        _maxFiles = maxFiles;
        Width = width;
        Height = height;
        Name = $"png:{directory}";
        Directory.CreateDirectory(_directory);
        foreach (var (number, path) in ExistingFrames(_directory))
        {
            _written.Enqueue(path);
            _number = number;
        }

        Prune();
    }

    public string Name { get; }

    public int Width { get; }

    public int Height { get; }

    public void Present(Frame frame, IReadOnlyList<PixelRect> dirty)
    {
        // The one PNG encoder of the project (proofs, goldens and the preview use it too).
        byte[] png = FramePng.Encode(frame);
        string path = Path.Combine(_directory, FileName(++_number));
        string temporary = path + ".tmp";

        // Written aside and renamed, so a watcher never reads half a PNG.
        File.WriteAllBytes(temporary, png);
        File.Move(temporary, path, overwrite: true);
        _written.Enqueue(path);

        Prune();
    }

    private void Prune()
    {
        while (_written.Count > _maxFiles)
        {
            File.Delete(_written.Dequeue());
        }
    }

    public static string FileName(long number) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{number:D6}{Extension}");

    private static IEnumerable<(long Number, string Path)> ExistingFrames(string directory) =>
        Directory.EnumerateFiles(directory, Prefix + "*" + Extension)
            .Select(path => (Number: ParseNumber(Path.GetFileName(path)), Path: path))
            .Where(frame => frame.Number > 0)
            .OrderBy(frame => frame.Number);

    private static long ParseNumber(string fileName) =>
        long.TryParse(fileName.AsSpan(Prefix.Length, fileName.Length - Prefix.Length - Extension.Length), NumberStyles.None, CultureInfo.InvariantCulture, out long number)
            ? number
            : 0;

    public void Dispose()
    {
    }
}
