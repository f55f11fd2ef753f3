using System.Text;

namespace Kiosk.Bench;

/// <summary>Rows as a plain-text table, the same from <c>kiosk bench</c> and from the BenchmarkDotNet run.</summary>
public static class BenchTable
{
    public static string Format(IReadOnlyList<BenchRow> rows)
    {
        const string name = "measure", value = "measured", goal = "goal", result = "result";
        int nw = Math.Max(name.Length, rows.Max(r => r.Name.Length));
        int vw = Math.Max(value.Length, rows.Max(r => r.FormatValue().Length));
        int gw = Math.Max(goal.Length, rows.Max(r => r.FormatGoal().Length));
        var text = new StringBuilder();
        text.AppendLine($"{name.PadRight(nw)}  {value.PadLeft(vw)}  {goal.PadRight(gw)}  {result}");
        text.AppendLine($"{new string('-', nw)}  {new string('-', vw)}  {new string('-', gw)}  {new string('-', result.Length)}");
        foreach (var r in rows)
        {
            text.AppendLine($"{r.Name.PadRight(nw)}  {r.FormatValue().PadLeft(vw)}  {r.FormatGoal().PadRight(gw)}  {(r.Pass ? "pass" : "FAIL")}");
        }

        text.Append($"{rows.Count(r => r.Pass)} of {rows.Count} goals met");
        foreach (var r in rows.Where(r => !r.Pass))
        {
            text.Append($"\nnot met: {r.Name}: {r.Why ?? "no reason known to the bench"}");
        }

        return text.ToString();
    }
}
