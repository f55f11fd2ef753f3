using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Kiosk.Render.Text;

/// <summary>
/// Text wrapped into a box at a chosen size: lines of shaped runs, ready to draw. Built once per screen and
/// profile and recorded into a picture, so shaping never happens per frame.
/// </summary>
public sealed class TextLayout
{
    internal TextLayout(IReadOnlyList<TextLine> lines, float size, float lineHeight, bool overflowed)
    {
        Lines = lines;
        Size = size;
        LineHeight = lineHeight;
        Overflowed = overflowed;
    }

    internal IReadOnlyList<TextLine> Lines { get; }

    public float Size { get; }

    public float LineHeight { get; }

    /// <summary>True when even the smallest allowed size did not fit and the text was cut with an ellipsis.</summary>
    public bool Overflowed { get; }

    public int LineCount => Lines.Count;

    public float Height => Lines.Count * LineHeight;

    public float Width => Lines.Count == 0 ? 0 : Lines.Max(l => l.Width);

    /// <summary>Draws with the top of the first line at <paramref name="top"/>; <paramref name="align"/> within <paramref name="width"/>.</summary>
    public void Draw(SKCanvas canvas, float left, float top, SKPaint paint, float width = 0, SKTextAlign align = SKTextAlign.Left)
    {
        float baseline = top + (LineHeight * 0.78f);
        foreach (var line in Lines)
        {
            float x = align switch
            {
                SKTextAlign.Center => left + ((width - line.Width) / 2),
                SKTextAlign.Right => left + width - line.Width,
                _ => left,
            };
            foreach (var run in line.Runs)
            {
                canvas.DrawShapedText(run.Shaper, run.Text, x + run.X, baseline, run.Font, paint);
            }

            baseline += LineHeight;
        }
    }
}
