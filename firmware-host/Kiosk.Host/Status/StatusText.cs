using System.Globalization;
using System.Text;

namespace Kiosk.Host.Status;

/// <summary>The readable form of a <see cref="StatusReport"/>, for <c>kiosk status</c> without <c>--json</c>.</summary>
public static class StatusText
{
    public static string Format(StatusReport s)
    {
        var sb = new StringBuilder();
        string uptime = s.UptimeSeconds is { } up ? $", up {TimeSpan.FromSeconds(Math.Floor(up)):c}" : string.Empty;
        sb.AppendLine(CultureInfo.InvariantCulture, $"kiosk:       {s.Message}{uptime}; version {s.KioskVersion}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"pack:        {Pack(s.Pack)}");
        if (s.Store is { } store && store.Sha256 != s.Pack?.Sha256)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"store:       current is {store.Id} {store.Version} ({Short(store.Sha256)}), {store.State}");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"screen:      {s.Screen ?? "-"}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"frames:      {s.Frames}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"presses:     {s.Presses}, last {StatusReader.Text.Time(s.LastPress)}");
        foreach (var d in s.Displays)
        {
            string health = d.Healthy ? "healthy" : $"FAILING since {StatusReader.Text.Time(d.FailingSince)}: {d.Error}";
            sb.AppendLine(CultureInfo.InvariantCulture, $"display:     {d.Name}: {health}; {d.Frames} frames, last {StatusReader.Text.Time(d.LastFrameAt)}, xxh128 {d.LastFrameHash ?? "-"}");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"temperature: {(s.TemperatureC is { } t ? $"{t:0.0} C" : "n/a (no thermal zone)")}");
        string throttling = s.Throttled is { } th ? $"{th.Raw} {(th.Flags.Count == 0 ? "none" : string.Join(", ", th.Flags))} ({th.Source})" : "n/a (no firmware flags)";
        sb.AppendLine(CultureInfo.InvariantCulture, $"throttling:  {throttling}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"last error:  {(s.LastError is { } e ? $"{StatusReader.Text.Time(e.At)} {e.Message}" : "-")}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"status file: {s.StatusFile}, written {StatusReader.Text.Time(s.Updated)}");
        return sb.ToString();
    }

    private static string Pack(PackOnGlass? p) =>
        p is null ? "-" : $"{p.Id} {p.Version} ({Short(p.Sha256)}), {p.State}, from {p.Source}, on the glass since {StatusReader.Text.Time(p.Since)}";

    private static string Short(string? sha) => sha is { Length: >= 12 } ? sha[..12] : sha ?? "-";
}
