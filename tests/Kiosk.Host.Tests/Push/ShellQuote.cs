namespace Kiosk.Host.Tests.Push;

/// <summary>sshd runs a forced command through the login shell, so its paths are quoted for sh.</summary>
internal static class ShellQuote
{
    public static string Of(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
