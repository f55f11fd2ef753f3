using System.Net;
using Microsoft.AspNetCore.Http;

namespace Kiosk.Host.Display.Preview;

/// <summary>
/// Who may talk to the preview. The page drives the exhibit, so a request is refused when its <c>Host</c> is not
/// the address the preview serves (a DNS-rebinding page reaches 127.0.0.1 under its own name), when a browser
/// says it comes from another page (<c>Origin</c> present and not the preview's own), and, for a press by POST,
/// when it is a request any web page can send without asking first (no JSON type and no <c>X-Kiosk-Press</c>
/// header: browsers send those cross-site only after a CORS preflight, which the preview never answers).
/// </summary>
public sealed class PreviewRequestGuard
{
    public const string PressHeader = "X-Kiosk-Press";

    private readonly HashSet<string> _hosts;

    /// <param name="address">The address the preview is bound to, port resolved (http://127.0.0.1:8080).</param>
    public PreviewRequestGuard(string address)
    {
        var uri = new Uri(address);
        string port = uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { $"{uri.Host}:{port}" };
        if (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)))
        {
            // The same machine by its loopback names; no outside page can make a browser send these.
            _hosts.Add($"localhost:{port}");
            _hosts.Add($"127.0.0.1:{port}");
            _hosts.Add($"[::1]:{port}");
        }
    }

    /// <summary>Null when the request may go on, else why it is refused (sent back with 403).</summary>
    public string? Refusal(HttpRequest request)
    {
        string host = request.Host.HasValue ? request.Host.Value! : string.Empty;
        if (!_hosts.Contains(host))
        {
            return "this preview answers only to its own address";
        }

        bool upgrade = request.Headers.Upgrade.Count > 0;
        bool post = HttpMethods.IsPost(request.Method);
        if ((upgrade || post) && request.Headers.Origin is { Count: > 0 } origin && !IsOwnOrigin(origin.ToString()))
        {
            return "requests from other pages are refused";
        }

        if (post && !request.Headers.ContainsKey(PressHeader) && !IsJson(request.ContentType))
        {
            return $"a press needs the {PressHeader} header or a JSON content type";
        }

        return null;
    }

    private bool IsOwnOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp
        && uri.AbsolutePath == "/" && _hosts.Contains($"{uri.Host}:{uri.Port}");

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
