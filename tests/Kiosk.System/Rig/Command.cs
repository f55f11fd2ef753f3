using System.Diagnostics;

namespace Kiosk.SystemTests.Rig;

/// <summary>Runs a program with a time limit (a VM that hangs must fail a test, not the whole run).</summary>
public static class Command
{
    public sealed record Result(string Program, int ExitCode, string Stdout, string Stderr, TimeSpan Took)
    {
        public bool Ok => ExitCode == 0;

        public override string ToString() => $"{Program}: exit {ExitCode} after {Took.TotalSeconds:F1} s\nstdout: {Stdout}\nstderr: {Stderr}";
    }

    public static Result Run(string program, IEnumerable<string> args, TimeSpan timeout, string? stdinFile = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdinFile is not null)
            {
                using var input = File.OpenRead(stdinFile);
                input.CopyTo(process.StandardInput.BaseStream);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program did not read all of its input; what it printed says why.
        }

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:F0} s; stdout so far: {stdout.Result}; stderr: {stderr.Result}");
        }

        return new Result(Path.GetFileName(program), process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    /// <summary>Runs and fails the calling test, with everything printed, unless the program exits 0.</summary>
    public static Result Must(string program, IEnumerable<string> args, TimeSpan timeout, string? stdinFile = null)
    {
        var result = Run(program, args, timeout, stdinFile);
        return result.Ok ? result : throw new InvalidOperationException(result.ToString());
    }
}
