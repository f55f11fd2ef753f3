namespace Kiosk.Host.Push;

/// <summary>Turns what ssh printed on stderr into the one-line error of a failed host.</summary>
internal static class SshErrors
{
    /// <summary>Lines ssh prints on success too; they would only hide the real reason.</summary>
    private static readonly string[] Noise = ["Warning: Permanently added"];

    public static string Summarise(string stderr, int exitCode)
    {
        var lines = stderr.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !Noise.Any(n => l.StartsWith(n, StringComparison.Ordinal)))
            .TakeLast(3)
            .ToList();
        // ssh's own failure (connect, host key, login), or else the remote command's exit code.
        string who = exitCode == SshSession.SshFailed ? "ssh failed" : $"remote command exited with {exitCode}";
        return lines.Count == 0 ? $"{who} and printed no result" : $"{who}: {string.Join("; ", lines)}";
    }
}
