using System.Globalization;

namespace Kiosk.Host.Push;

/// <summary>
/// One HOST argument of <c>kiosk push</c>: <c>user@host</c>, <c>user@host:port</c> or an ssh config alias.
/// ssh itself takes no <c>:port</c> in a destination, so the port is split off and passed as <c>-p</c>.
/// </summary>
public sealed record PushTarget(string Label, string Destination, int? Port)
{
    /// <summary>Parses a HOST argument; returns null and a reason when it cannot be one.</summary>
    public static PushTarget? TryParse(string text, out string? error)
    {
        error = null;
        // A HOST that ssh would read as an option (-oProxyCommand=...) would run a command on this machine.
        if (text.StartsWith('-'))
        {
            error = $"'{text}': a host may not start with '-'";
            return null;
        }

        if (string.IsNullOrWhiteSpace(text) || text.Any(char.IsWhiteSpace))
        {
            error = $"'{text}': not a host (user@host, user@host:port or an ssh config alias)";
            return null;
        }

        int at = text.LastIndexOf('@');
        string hostPart = text[(at + 1)..];
        int colon = hostPart.IndexOf(':', StringComparison.Ordinal);
        // More than one colon is an IPv6 address, which ssh takes as it is; its port must come from -p or config.
        if (colon < 0 || colon != hostPart.LastIndexOf(':'))
        {
            return new PushTarget(text, text, null);
        }

        string portText = hostPart[(colon + 1)..];
        if (colon == 0 || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            error = $"'{text}': '{portText}' is not a port (1-65535)";
            return null;
        }

        return new PushTarget(text, text[..(at + 1 + colon)], port);
    }
}
