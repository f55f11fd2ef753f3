using Kiosk.Content.Diagnostics;
using Kiosk.Content.Model;
using Kiosk.Content.Sources;

namespace Kiosk.Content.Validation;

/// <summary>
/// Holds a case to its paper: every quote must stand verbatim in the cited seed, starting on the cited line,
/// and every key figure's numbers must be printed on the line it cites.
/// </summary>
public sealed class SourceChecker(string seedsDir)
{
    private readonly Dictionary<string, SeedText?> _seeds = new(StringComparer.Ordinal);

    public void Check(CaseStudy c, SourceMap map, DiagnosticBag diagnostics)
    {
        for (int i = 0; i < c.Quotes.Count; i++)
        {
            var q = c.Quotes[i];
            string path = $"quotes[{i}]";
            var seed = Seed(q.File);
            if (seed is null)
            {
                diagnostics.Add(map.At($"{path}.file", $"seed '{q.File}' not found in {seedsDir}"));
                continue;
            }

            var starts = seed.FindStarts(q.Text);
            if (starts.Count == 0)
            {
                diagnostics.Add(map.At($"{path}.quote", $"not found verbatim in {q.File}"));
            }
            else if (!starts.Contains(q.Line))
            {
                diagnostics.Add(map.At($"{path}.line", $"the quote starts at line {starts[0]} of {q.File}, not line {q.Line}"));
            }
        }

        var source = Seed(c.Source);
        if (source is null)
        {
            diagnostics.Add(map.At("source", $"seed '{c.Source}' not found in {seedsDir}"));
            return;
        }

        for (int i = 0; i < c.Phases.Count; i++)
        {
            CheckFigures(source, c.Source, $"phases[{i}].figures", c.Phases[i].Figures, map, diagnostics);
        }

        if (c.Comparison is { } cmp)
        {
            CheckFigures(source, c.Source, "comparison.figures", cmp.Figures, map, diagnostics);
        }
    }

    private static void CheckFigures(SeedText source, string file, string path, IReadOnlyList<KeyFigure> figures, SourceMap map, DiagnosticBag diagnostics)
    {
        for (int j = 0; j < figures.Count; j++)
        {
            var f = figures[j];
            if (!source.HasNumbersNear(f.Value, f.Line))
            {
                diagnostics.Add(map.At($"{path}[{j}].line", $"the numbers in '{f.Value}' are not on line {f.Line} of {file}"));
            }
        }
    }

    private SeedText? Seed(string file)
    {
        if (!_seeds.TryGetValue(file, out var seed))
        {
            string path = Path.Combine(seedsDir, Path.GetFileName(file));
            seed = File.Exists(path) ? new SeedText(File.ReadAllText(path)) : null;
            _seeds[file] = seed;
        }

        return seed;
    }
}
