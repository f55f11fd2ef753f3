using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kiosk.Host.Cli;

/// <summary>
/// How long <c>kiosk run</c> took from the process's start to its first frame, step by step, logged once with the
/// first frame: on a slow board (or under emulation) the one line says where a start's seconds went.
/// </summary>
internal sealed class StartupTimeline
{
    private readonly DateTime _processStarted;
    private readonly List<(string Step, DateTime At)> _marks = [];

    public StartupTimeline()
    {
        using var self = Process.GetCurrentProcess();
        _processStarted = self.StartTime.ToUniversalTime();
        Mark("runtime and command line ready");
    }

    public void Mark(string step)
    {
        lock (_marks)
        {
            _marks.Add((step, DateTime.UtcNow));
        }
    }

    /// <summary>Each step as seconds since the process started, in the order they happened.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("start-up, seconds since the process began: ");
        lock (_marks)
        {
            text.AppendJoin(", ", _marks.OrderBy(m => m.At).Select(m =>
                string.Create(CultureInfo.InvariantCulture, $"{m.Step} {(m.At - _processStarted).TotalSeconds:F2}")));
        }

        return text.ToString();
    }
}
