namespace Kiosk.Host.Cli;

/// <summary>Where verbs print; tests pass string writers and call verbs in-process.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public static CliConsole System { get; } = new(Console.Out, Console.Error);
}

/// <summary>Exit codes every verb uses, as the architecture sketch fixes them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int Usage = 2;
}
