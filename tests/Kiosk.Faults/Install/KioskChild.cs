using System.Diagnostics;
using Kiosk.Faults.Support;
using Kiosk.Host.Cli;

namespace Kiosk.Faults.Install;

/// <summary>The built kiosk run with <c>dotnet</c> as a child process, optionally crashed at a step or killed after a delay.</summary>
public static class KioskChild
{
    public sealed record Outcome(int ExitCode, bool Killed, TimeSpan Elapsed);

    public static Outcome Run(string[] args, string? crashAt = null, TimeSpan? killAfter = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepoPaths.KioskDll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove(StoreCommands.CrashVariable);
        if (crashAt is not null)
        {
            start.Environment[StoreCommands.CrashVariable] = crashAt;
        }

        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        bool killed = false;
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            // SIGKILL: no finally blocks, no flushes, as with a power cut.
            process.Kill();
            killed = true;
        }

        process.WaitForExit();
        clock.Stop();
        _ = stdout.Result;
        _ = stderr.Result;
        return new Outcome(process.ExitCode, killed, clock.Elapsed);
    }
}
