using System.Globalization;

namespace Kiosk.Host.Push;

/// <summary>
/// Progress on stderr: bytes sent per host and each host's result as it arrives. On a terminal the byte counts
/// share one line that is redrawn; in a log they become a line per host at every quarter of the pack.
/// </summary>
public sealed class ProgressPrinter(TextWriter error, bool redraw, TimeProvider time) : IPushProgress
{
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Sent, long Total)> _sent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _quarters = new(StringComparer.Ordinal);
    private long _lastDraw;
    private bool _statusShown;

    public void Sent(string host, long bytes, long total)
    {
        lock (_gate)
        {
            _sent[host] = (bytes, total);
            if (redraw)
            {
                if (time.GetElapsedTime(_lastDraw) >= RedrawEvery || bytes == total)
                {
                    DrawStatus();
                }

                return;
            }

            int quarter = total == 0 ? 4 : (int)(bytes * 4 / total);
            if (!_quarters.TryGetValue(host, out int shown) || quarter > shown)
            {
                _quarters[host] = quarter;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{host}: sent {bytes:N0} of {total:N0} bytes ({Percent(bytes, total)}%)"));
            }
        }
    }

    public void Finished(HostResult result)
    {
        lock (_gate)
        {
            _sent.Remove(result.Host);
            ClearStatus();
            string what = result.Outcome switch
            {
                PushOutcome.Ok => $"installed {result.PackId} {result.Version}",
                PushOutcome.Refused => $"refused: {result.Error}",
                _ => $"failed: {result.Error}",
            };
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Host}: {what} ({result.BytesSent:N0} bytes sent, {result.Seconds:0.0} s)"));
            if (redraw && _sent.Count > 0)
            {
                DrawStatus();
            }
        }
    }

    private void DrawStatus()
    {
        string status = string.Join("  ", _sent.Select(s => $"{s.Key} {Percent(s.Value.Sent, s.Value.Total)}%"));
        // \r and erase-line: the line is rewritten in place instead of scrolling the terminal.
        error.Write($"\r\e[Ksending: {status}");
        error.Flush();
        _statusShown = true;
        _lastDraw = time.GetTimestamp();
    }

    private void ClearStatus()
    {
        if (_statusShown)
        {
            error.Write("\r\e[K");
            _statusShown = false;
        }
    }

    private static long Percent(long sent, long total) => total == 0 ? 100 : sent * 100 / total;
}
