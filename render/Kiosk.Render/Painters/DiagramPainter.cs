using System.Globalization;
using Kiosk.Content.Model;
using Kiosk.Render.Diagrams;
using Kiosk.Render.Layout;
using SkiaSharp;

namespace Kiosk.Render.Painters;

/// <summary>
/// The still parts of a coupling diagram screen: header, scale bands, legend and the side panel listing the
/// phase's relations. Nodes and edges move during a phase step and are drawn per frame by
/// <see cref="DiagramDrawer"/> on top of this layer.
/// </summary>
internal static class DiagramPainter
{
    public readonly record struct Geometry(SKRect Content, SKRect Gutter, SKRect Nodes, SKRect Legend, SKRect Side);

    public static Geometry Measure(PaintContext ctx)
    {
        var m = ctx.M;
        var content = new SKRect(m.Margin, m.HeaderHeight + m.Gap, m.W - m.Margin, m.H - m.HintHeight - m.Gap);
        float legendH = m.Compact ? LegendRows(ctx) * MathF.Max(13, m.SmallSize * 1.25f) : m.SmallSize * 2.6f;
        float sideW = m.Compact ? 0 : content.Width * 0.27f;
        float gutterW = m.Compact ? content.Width * 0.13f : content.Width * 0.09f;
        var legend = new SKRect(content.Left, content.Bottom - legendH, content.Right, content.Bottom);
        var side = new SKRect(content.Right - sideW, content.Top, content.Right, legend.Top - m.Gap);
        var gutter = new SKRect(content.Left, content.Top, content.Left + gutterW, legend.Top - (m.Gap * 0.5f));
        var nodes = new SKRect(gutter.Right + (m.Gap * 0.5f), content.Top, side.Left - (sideW > 0 ? m.Gap : 0), gutter.Bottom);
        return new Geometry(content, gutter, nodes, legend, side);
    }

    public static void Paint(SKCanvas canvas, PaintContext ctx, int caseIndex, int phaseIndex, DiagramLayout layout)
    {
        var m = ctx.M;
        var c = ctx.Case(caseIndex);
        var p = c.Phases[phaseIndex];
        Chrome.Background(canvas, ctx);
        string title = m.Compact ? string.Create(CultureInfo.InvariantCulture, $"Phase {phaseIndex + 1}/{c.Phases.Count} · {p.Years}") : $"{c.Title}: coupling";
        string right = m.Compact ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"Phase {phaseIndex + 1} of {c.Phases.Count} · {p.Years}");
        Chrome.Header(canvas, ctx, title, right, "◀ ▶ phases (the diagram follows)   ·   Select or Back: timeline   ·   Home: all cases");
        var g = Measure(ctx);
        PaintBands(canvas, ctx, g, layout);
        PaintLegend(canvas, ctx, g.Legend, c);
        if (g.Side.Width > 0)
        {
            PaintSide(canvas, ctx, g.Side, c, p);
        }
    }

    private static void PaintBands(SKCanvas canvas, PaintContext ctx, Geometry g, DiagramLayout layout)
    {
        var m = ctx.M;
        for (int b = 0; b < layout.Bands.Length; b++)
        {
            float top = layout.Area.Top + (b * layout.BandHeight);
            using (var fill = PaintContext.Fill(b % 2 == 0 ? Theme.BandA : Theme.BandB))
            {
                canvas.DrawRect(new SKRect(g.Gutter.Left, top, layout.Area.Right, top + layout.BandHeight), fill);
            }

            var label = new SKRect(g.Gutter.Left + 4, top + 4, g.Gutter.Right - 2, top + layout.BandHeight - 4);
            ctx.DrawFitted(canvas, (m.Compact ? ScaleBands.ShortNames : ScaleBands.Names)[layout.Bands[b]], label, m.SmallSize, MathF.Min(m.MinText, 9), Theme.Muted, $"band {b}");
        }
    }

    private static void PaintLegend(SKCanvas canvas, PaintContext ctx, SKRect area, CaseStudy c)
    {
        var m = ctx.M;
        // Small panels stack the legend in rows of three so each mode keeps a readable word.
        int rows = m.Compact ? LegendRows(ctx) : 1;
        int perRow = (c.Modes.Count + rows - 1) / rows;
        float slot = area.Width / Math.Max(1, perRow);
        float rowH = area.Height / rows;
        float swatch = MathF.Min(slot * 0.22f, 56 * m.U + 10);
        for (int i = 0; i < c.Modes.Count; i++)
        {
            float x = area.Left + ((i % perRow) * slot);
            float top = area.Top + ((i / perRow) * rowH);
            float cy = top + (rowH / 2);
            using var line = PaintContext.Stroke(Theme.ModeColor(i), MathF.Max(1.5f, 5 * m.U));
            if (Theme.ModeDash(i, MathF.Max(0.4f, m.U)) is { } dash)
            {
                line.PathEffect = SKPathEffect.CreateDash(dash, 0);
            }

            canvas.DrawLine(x, cy, x + swatch, cy, line);
            var text = new SKRect(x + swatch + 4, top, x + slot - 6, top + rowH);
            var layout = ctx.Text.Fit(m.Compact ? ActorLabels.Distinctive(c.Modes[i].Name, c.Modes.Select(x => x.Name)) : c.Modes[i].Name, text.Width, text.Height, m.SmallSize, MathF.Min(m.MinText, 7), bold: false);
            if (layout.Overflowed)
            {
                ctx.Overflows.Add($"{m.Profile.Name}: legend {c.Id} {c.Modes[i].Id}");
            }

            using var paint = PaintContext.Fill(Theme.Text);
            layout.Draw(canvas, text.Left, text.MidY - (layout.Height / 2), paint);
        }
    }

    private static int LegendRows(PaintContext ctx) => ctx.Pack.Cases.Max(c => c.Modes.Count) > 3 ? 2 : 1;

    private static void PaintSide(SKCanvas canvas, PaintContext ctx, SKRect area, CaseStudy c, Phase p)
    {
        var m = ctx.M;
        using (var fill = PaintContext.Fill(Theme.Panel))
        {
            canvas.DrawRoundRect(area, 14 * m.U, 14 * m.U, fill);
        }

        float pad = MathF.Max(6, 24 * m.U);
        var inner = new SKRect(area.Left + pad, area.Top + pad, area.Right - pad, area.Bottom - pad);
        float y = inner.Top;
        y += ctx.DrawFitted(canvas, p.Title, new SKRect(inner.Left, y, inner.Right, y + (m.HeadingSize * 2.6f)), m.HeadingSize * 0.8f, m.MinText, Theme.Text, $"diagram {c.Id}/{p.Id} title", bold: true).Height + (m.Gap * 0.5f);
        if (m.W >= 1200)
        {
            y += ctx.DrawFitted(canvas, p.Short, new SKRect(inner.Left, y, inner.Right, y + (inner.Height * 0.3f)), m.SmallSize, m.MinText, Theme.Muted, $"diagram {c.Id}/{p.Id} short").Height + m.Gap;
        }
        else
        {
            y += m.Gap * 0.5f;
        }

        // The relations, one per line in their mode's colour: the diagram's labels, kept off the drawing.
        var edges = p.Diagram.Edges;
        if (edges.Count == 0)
        {
            return;
        }

        float rowH = (inner.Bottom - y) / edges.Count;
        float size = MathF.Min(m.SmallSize, rowH / 1.3f);
        for (int i = 0; i < edges.Count; i++)
        {
            var e = edges[i];
            int mode = IndexOfMode(c, e.Mode);
            string text = $"{ShortName(c, e.From)} → {ShortName(c, e.To)}: {e.Relation}";
            ctx.DrawFitted(canvas, text, new SKRect(inner.Left, y + (i * rowH), inner.Right, y + ((i + 1) * rowH)), size, MathF.Min(size, 8), Theme.ModeColor(mode), $"diagram {c.Id}/{p.Id} edge {i}");
        }
    }

    internal static int IndexOfMode(CaseStudy c, string modeId)
    {
        for (int i = 0; i < c.Modes.Count; i++)
        {
            if (c.Modes[i].Id == modeId)
            {
                return i;
            }
        }

        return 0;
    }

    private static string ShortName(CaseStudy c, string actorId) => c.FindActor(actorId)?.Name ?? actorId;
}
