using System.Diagnostics;

namespace Kiosk.Tests.Shared;

/// <summary>
/// Runs a program to the end with the given stdin and returns what it printed; the one child-process runner of
/// every test project (ssh, ansible-playbook, the built kiosk).
/// </summary>
internal static class ChildProcess
{
    public sealed record Ran(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>True when <c>killAfter</c> ran out and the program was killed.</summary>
        public bool Killed { get; init; }

        public TimeSpan Elapsed { get; init; }

        public override string ToString() => $"exit {ExitCode}{(Killed ? " (killed)" : "")}\nstdout: {Stdout}\nstderr: {Stderr}";
    }

    /// <param name="environment">Variables to set.</param>
    /// <param name="unset">Variables the tests run with that the program must not see.</param>
    /// <param name="killAfter">SIGKILL the program when it runs longer: no finally blocks, no flushes, as with a power cut.</param>
    public static Ran Run(string program, IEnumerable<string> args, byte[]? stdin = null, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null, TimeSpan? killAfter = null, IEnumerable<string>? unset = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (string name in unset ?? [])
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null)
            {
                process.StandardInput.BaseStream.Write(stdin);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading all of stdin; its output says what happened.
        }

        bool killed = false;
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill();
            killed = true;
        }

        process.WaitForExit();
        return new Ran(process.ExitCode, stdout.Result, stderr.Result) { Killed = killed, Elapsed = clock.Elapsed };
    }

    /// <summary>Full path of a program on PATH, or null.</summary>
    public static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
