namespace Kiosk.SystemTests.Rig;

/// <summary>
/// The figures the system tests measure, collected in artifacts/system/figures.md (and the power-cut table in
/// artifacts/system/power-cuts.md), which .ci/run prints after the test run: xunit shows a passing test's output
/// only at detailed verbosity.
/// </summary>
public static class Figures
{
    private static readonly Lock Gate = new();

    public static string Dir => Repo.Path("artifacts", "system");

    public static void Add(string file, string line)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(Dir);
            File.AppendAllText(Path.Combine(Dir, file), line + Environment.NewLine);
        }
    }

    public static void Replace(string file, string text)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(Dir);
            File.WriteAllText(Path.Combine(Dir, file), text);
        }
    }

    /// <summary>Where screendumps are kept after the run, for a person to look at.</summary>
    public static string Screendump(string name)
    {
        string dir = Path.Combine(Dir, "screendumps");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
