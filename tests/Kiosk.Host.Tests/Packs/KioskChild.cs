using Kiosk.Host.Cli;

namespace Kiosk.Host.Tests.Packs;

/// <summary>
/// The built kiosk run with <c>dotnet</c> as a child process, optionally crashed at a step (the test builds' crash
/// hook) or killed after a delay. Shared with the fault suite's install kills.
/// </summary>
public static class KioskChild
{
    public sealed record Outcome(int ExitCode, bool Killed, TimeSpan Elapsed, string Stderr);

    public static Outcome Run(string[] args, string? crashAt = null, TimeSpan? killAfter = null)
    {
        Assert.True(File.Exists(Dotnet.KioskDll), $"{Dotnet.KioskDll} not built next to the tests");

        // A deliberate crash needs no dump; a crash variable the test runner itself has must not leak in.
        var environment = new Dictionary<string, string> { ["DOTNET_DbgEnableMiniDump"] = "0" };
        if (crashAt is not null)
        {
            environment[StoreCommands.CrashVariable] = crashAt;
        }

        var ran = ChildProcess.Run(Dotnet.Path, [Dotnet.KioskDll, .. args], environment: environment, killAfter: killAfter, unset: [StoreCommands.CrashVariable]);
        return new Outcome(ran.ExitCode, ran.Killed, ran.Elapsed, ran.Stderr);
    }
}
