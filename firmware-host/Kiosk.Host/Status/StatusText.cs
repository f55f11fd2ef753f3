using System.Globalization;
using System.Text;
using Kiosk.Content.Diagnostics;

namespace Kiosk.Host.Status;

/// <summary>The readable form of a <see cref="StatusReport"/>, for <c>kiosk status</c> without <c>--json</c>.</summary>
public static class StatusText
{
    public static string Format(StatusReport s)
    {
        var sb = new StringBuilder();
        string uptime = s.UptimeSeconds is { } up ? $", up {TimeSpan.FromSeconds(Math.Floor(up)):c}" : string.Empty;
        Line(sb, $"kiosk:       {s.Message}{uptime}; version {s.KioskVersion}");
        Line(sb, $"pack:        {Pack(s.Pack)}");
        if (s.Store is { } store && store.Sha256 != s.Pack?.Sha256)
        {
            Line(sb, $"store:       current is {store.Id} {store.Version} ({Short(store.Sha256)}), {store.State}");
        }

        Line(sb, $"screen:      {s.Screen ?? "-"}");
        Line(sb, $"frames:      {s.Frames}");
        Line(sb, $"presses:     {s.Presses}, last {StatusReader.Text.Time(s.LastPress)}");
        foreach (var d in s.Displays)
        {
            string health = d.Healthy ? "healthy" : $"FAILING since {StatusReader.Text.Time(d.FailingSince)}: {d.Error}";
            Line(sb, $"display:     {d.Name}: {health}; {d.Frames} frames, last {StatusReader.Text.Time(d.LastFrameAt)}, xxh128 {d.LastFrameHash ?? "-"}");
        }

        Line(sb, $"temperature: {(s.TemperatureC is { } t ? $"{t:0.0} C" : "n/a (no thermal zone)")}");
        string throttling = s.Throttled is { } th ? $"{th.Raw} {(th.Flags.Count == 0 ? "none" : string.Join(", ", th.Flags))} ({th.Source})" : "n/a (no firmware flags)";
        Line(sb, $"throttling:  {throttling}");
        Line(sb, $"last error:  {(s.LastError is { } e ? $"{StatusReader.Text.Time(e.At)} {e.Message}" : "-")}");
        Line(sb, $"status file: {s.StatusFile}, written {StatusReader.Text.Time(s.Updated)}");
        return sb.ToString();
    }

    /// <summary>One line, escaped: a status may come from another machine (kiosk status HOST) and carries pack strings and error messages.</summary>
    private static void Line(StringBuilder sb, FormattableString text) => sb.AppendLine(SafeText.Escape(text.ToString(CultureInfo.InvariantCulture)));

    private static string Pack(PackOnGlass? p) =>
        p is null ? "-" : $"{p.Id} {p.Version} ({Short(p.Sha256)}), {p.State}, from {p.Source}, on the glass since {StatusReader.Text.Time(p.Since)}";

    private static string Short(string? sha) => sha is { Length: >= 12 } ? sha[..12] : sha ?? "-";
}
