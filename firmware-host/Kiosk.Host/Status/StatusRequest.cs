namespace Kiosk.Host.Status;

/// <summary>
/// The one request, besides a pack on stdin, that the content key's forced command answers: the client's
/// command line (sshd passes it as SSH_ORIGINAL_COMMAND) being exactly <c>status</c> or <c>status --json</c>.
/// Anything else is ignored as before and the forced command reads a pack.
/// </summary>
public static class StatusRequest
{
    public const string Variable = "SSH_ORIGINAL_COMMAND";

    /// <summary>True for a status request; <paramref name="json"/> says which form.</summary>
    public static bool TryParse(string? command, out bool json)
    {
        string[] words = (command ?? string.Empty).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        json = words is ["status", "--json"];
        return json || words is ["status"];
    }
}
