using System.Globalization;

namespace Kiosk.Host.Push;

/// <summary>
/// One HOST argument of <c>kiosk push</c> and <c>kiosk status HOST...</c>: <c>user@host</c>, <c>user@host:port</c>,
/// <c>user@[IPv6 address]:port</c> or an ssh config alias. ssh itself takes no <c>:port</c> in a destination, so
/// the port is split off and passed as <c>-p</c>.
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
            error = $"'{text}': not a host (user@host, user@host:port, user@[IPv6]:port or an ssh config alias)";
            return null;
        }

        int at = text.LastIndexOf('@');
        string user = text[..(at + 1)];
        string hostPart = text[(at + 1)..];
        if (hostPart.StartsWith('['))
        {
            return Bracketed(text, user, hostPart, out error);
        }

        int colon = hostPart.IndexOf(':', StringComparison.Ordinal);
        // More than one colon is an IPv6 address without a port, which ssh takes as it is; with a port it is
        // written in brackets, user@[::1]:2222, as in ssh's own known_hosts and URIs.
        if (colon < 0 || colon != hostPart.LastIndexOf(':'))
        {
            return new PushTarget(text, text, null);
        }

        string portText = hostPart[(colon + 1)..];
        if (colon == 0)
        {
            error = $"'{text}': '{portText}' is not a port (1-65535) of any host";
            return null;
        }

        if (ParsePort(text, portText, out error) is not { } port)
        {
            return null;
        }

        return new PushTarget(text, user + hostPart[..colon], port);
    }

    /// <summary><c>user@[address]</c> or <c>user@[address]:port</c>: ssh gets the address without brackets and
    /// the port as <c>-p</c>.</summary>
    private static PushTarget? Bracketed(string text, string user, string hostPart, out string? error)
    {
        error = null;
        int close = hostPart.IndexOf(']', StringComparison.Ordinal);
        string address = close > 1 ? hostPart[1..close] : "";
        string rest = close > 0 ? hostPart[(close + 1)..] : "";
        if (address.Length == 0 || address.Contains('[') || (rest.Length > 0 && rest[0] != ':'))
        {
            error = $"'{text}': not a host (a bracketed address is user@[address] or user@[address]:port)";
            return null;
        }

        if (rest.Length == 0)
        {
            return new PushTarget(text, user + address, null);
        }

        return ParsePort(text, rest[1..], out error) is { } port ? new PushTarget(text, user + address, port) : null;
    }

    private static int? ParsePort(string text, string portText, out string? error)
    {
        error = null;
        if (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is >= 1 and <= 65535)
        {
            return port;
        }

        error = $"'{text}': '{portText}' is not a port (1-65535)";
        return null;
    }
}
