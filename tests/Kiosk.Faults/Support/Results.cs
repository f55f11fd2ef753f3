using System.Globalization;
using Xunit.Abstractions;

namespace Kiosk.Faults.Support;

/// <summary>
/// Where every test reports its figures: the test output, and one markdown row per figure appended to the
/// results file (<c>tests/Kiosk.Faults/results.md</c> when <c>KIOSK_FAULTS_WRITE_TABLE=1</c>, else a file in the
/// test output folder), so a run leaves the table the README quotes.
/// </summary>
public static class Results
{
    private static readonly Lock Gate = new();

    public static string FilePath => FaultSettings.WriteTable
        ? Path.Combine(RepoPaths.Root, "tests", "Kiosk.Faults", "results.md")
        : Path.Combine(AppContext.BaseDirectory, "results.md");

    /// <summary>Prints the figure and appends it as a row: area, figure, value, goal.</summary>
    public static void Record(ITestOutputHelper output, string area, string figure, string value, string goal = "")
    {
        output.WriteLine($"{area}: {figure} = {value}{(goal.Length == 0 ? string.Empty : $" (goal {goal})")}");
        lock (Gate)
        {
            string path = FilePath;
            if (!File.Exists(path))
            {
                File.WriteAllText(path, $"| area | figure | value | goal |{Environment.NewLine}|---|---|---|---|{Environment.NewLine}");
            }

            File.AppendAllText(path, $"| {area} | {figure} | {value} | {goal} |{Environment.NewLine}");
        }
    }

    public static string Number(double value, int decimals = 0) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    public static string Mode => FaultSettings.Long ? "long" : "default";
}
