using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Host.Status;

namespace Kiosk.Host.Push;

/// <summary>
/// The end of <c>kiosk status HOST...</c>: each host's own answer (text, or one JSON document for tools, field
/// names a contract) and one exit code for all of them.
/// </summary>
public static class RemoteStatusReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// 0 when every host answered healthy; 1 when any did not answer (unreachable, no status answer) or answered
    /// not healthy; else 3 when any answered unknown (its status file unreadable).
    /// </summary>
    public static int ExitCode(IReadOnlyList<RemoteStatus> hosts) =>
        hosts.Any(h => !h.Answered || h.ExitCode is not (StatusExitCode.Healthy or StatusExitCode.Unknown)) ? StatusExitCode.Unhealthy
        : hosts.Any(h => h.ExitCode == StatusExitCode.Unknown) ? StatusExitCode.Unknown
        : StatusExitCode.Healthy;

    public static string Text(IReadOnlyList<RemoteStatus> hosts)
    {
        var text = new StringBuilder();
        foreach (var host in hosts)
        {
            text.Append("== ").Append(host.Host).AppendLine(" ==");
            text.AppendLine(host.Answered ? host.Answer : (host.Reachable ? host.Error : "unreachable: " + host.Error));
        }

        return text.ToString();
    }

    /// <summary><c>{ "ok", "hosts": [ { "host", "reachable", "exit_code", "seconds", "error", "status" } ] }</c>;
    /// <c>status</c> is the kiosk's own <c>status --json</c> object as it sent it (a newer kiosk's fields kept).</summary>
    public static string Json(IReadOnlyList<RemoteStatus> hosts)
    {
        var array = new JsonArray();
        foreach (var host in hosts)
        {
            // As a JsonNode: the generic Add<T> would serialize the object by reflection, which the AOT build has not.
            array.Add((JsonNode)new JsonObject
            {
                ["host"] = host.Host,
                ["reachable"] = host.Reachable,
                ["exit_code"] = host.ExitCode,
                ["seconds"] = host.Seconds,
                ["error"] = host.Error,
                ["status"] = host.Answered ? JsonNode.Parse(host.Answer!) : null,
            });
        }

        return new JsonObject { ["ok"] = ExitCode(hosts) == StatusExitCode.Healthy, ["hosts"] = array }.ToJsonString(Indented);
    }
}
