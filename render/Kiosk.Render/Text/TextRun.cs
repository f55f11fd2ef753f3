using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Kiosk.Render.Text;

/// <summary>A stretch of one line drawn with one face: Skia does no per-glyph fallback, so lines are cut into runs.</summary>
internal readonly record struct TextRun(SKShaper Shaper, SKFont Font, string Text, float X, float Width);

/// <summary>One laid-out line: its runs and total width.</summary>
internal sealed record TextLine(IReadOnlyList<TextRun> Runs, float Width);
