using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiosk.SystemTests.Rig;

/// <summary>The guest's journal for this boot, with each line's time since the kernel started (short-monotonic).</summary>
public sealed partial class Journal(IReadOnlyList<(double Seconds, string Text)> lines)
{
    public IReadOnlyList<(double Seconds, string Text)> Lines { get; } = lines;

    public static Journal Read(Vm vm, string filter = "")
    {
        var read = vm.Root($"journalctl -b -o short-monotonic --no-pager {filter}");
        if (!read.Ok)
        {
            throw new InvalidOperationException($"journalctl failed: {read}");
        }

        var lines = new List<(double, string)>();
        foreach (string line in read.Stdout.Split('\n'))
        {
            var match = Stamp().Match(line);
            if (match.Success)
            {
                lines.Add((double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), line[match.Length..]));
            }
        }

        return new Journal(lines);
    }

    /// <summary>Seconds since kernel start of the first line containing <paramref name="text"/> (after <paramref name="after"/>), or null.</summary>
    public double? First(string text, double after = -1) =>
        Lines.Where(l => l.Seconds >= after && l.Text.Contains(text, StringComparison.Ordinal)).Select(l => (double?)l.Seconds).FirstOrDefault();

    public double? Last(string text) =>
        Lines.Where(l => l.Text.Contains(text, StringComparison.Ordinal)).Select(l => (double?)l.Seconds).LastOrDefault();

    public int Count(string text) => Lines.Count(l => l.Text.Contains(text, StringComparison.Ordinal));

    public string Tail(int count = 40) => string.Join('\n', Lines.TakeLast(count).Select(l => $"[{l.Seconds,10:F3}] {l.Text}"));

    [GeneratedRegex(@"^\[\s*([0-9]+\.[0-9]+)\]")]
    private static partial Regex Stamp();
}
