using System.Globalization;
using Kiosk.Content.Model;
using Kiosk.Render.Diagrams;
using Kiosk.Render.Layout;
using Kiosk.Render.Text;
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
        float legendH = m.Compact ? LegendRows(ctx) * MathF.Max(13 * m.TextScale, m.SmallSize * 1.25f) : m.SmallSize * (Described(ctx) ? 4.4f : 2.6f);
        float sideW = m.Compact ? 0 : content.Width * (ctx.Theme.IsLargeText ? 0.34f : 0.27f);
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
            using (var fill = PaintContext.Fill(b % 2 == 0 ? ctx.Theme.BandA : ctx.Theme.BandB))
            {
                canvas.DrawRect(new SKRect(g.Gutter.Left, top, layout.Area.Right, top + layout.BandHeight), fill);
            }

            var label = new SKRect(g.Gutter.Left + 4, top + 4, g.Gutter.Right - 2, top + layout.BandHeight - 4);
            ctx.DrawFitted(canvas, (m.Compact ? ScaleBands.ShortNames : ScaleBands.Names)[layout.Bands[b]], label, m.SmallSize, m.Legible(MathF.Min(m.MinText, 9 * m.TextScale)), ctx.Theme.Muted, $"band {b}");
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
        // One text size for the whole legend (the smallest of the items' best fits), so no mode looks lesser.
        // Large screens print each mode's one-line description under its name.
        var texts = new string[c.Modes.Count];
        float size = m.SmallSize, min = m.Legible(MathF.Min(m.MinText, 7 * m.TextScale));
        for (int i = 0; i < c.Modes.Count; i++)
        {
            var mode = c.Modes[i];
            texts[i] = m.Compact ? ActorLabels.Distinctive(mode.Name, c.Modes.Select(x => x.Name)) : Described(ctx) && mode.Short is { } sh ? $"{mode.Name}\n{sh}" : mode.Name;
            size = MathF.Min(size, ctx.Text.Fit(texts[i], slot - swatch - 10, rowH, m.SmallSize, min).Size);
        }

        for (int i = 0; i < c.Modes.Count; i++)
        {
            float x = area.Left + ((i % perRow) * slot);
            float top = area.Top + ((i / perRow) * rowH);
            float cy = top + (rowH / 2);
            using var line = PaintContext.Stroke(ctx.ModeColor(c, i), MathF.Max(1.5f, 5 * m.U));
            if (PaintContext.ModeDash(c, i, MathF.Max(0.4f, m.U)) is { } dash)
            {
                line.PathEffect = SKPathEffect.CreateDash(dash, 0);
            }

            var text = new SKRect(x + swatch + 4, top, x + slot - 6, top + rowH);
            var layout = ctx.Text.Fit(texts[i], text.Width, text.Height, size, MathF.Min(size, min));
            if (layout.Overflowed)
            {
                ctx.Overflows.Add($"{ctx.Where}: legend {c.Id} {c.Modes[i].Id}");
            }

            float textTop = text.MidY - (layout.Height / 2);
            float lineY = m.Compact ? cy : textTop + (layout.LineHeight * 0.5f);
            canvas.DrawLine(x, lineY, x + swatch, lineY, line);
            ctx.Draw(canvas, layout, text.Left, textTop, text.Width, ctx.Theme.Text, $"legend {c.Id} {c.Modes[i].Id}");
        }
    }

    /// <summary>Only wide screens have room for each mode's one-line description in the legend.</summary>
    private static bool Described(PaintContext ctx) => !ctx.M.Compact && ctx.M.W >= 1200 && !ctx.Theme.IsLargeText;

    private static int LegendRows(PaintContext ctx) => ctx.Pack.Cases.Max(c => c.Modes.Count) > 3 ? 2 : 1;

    private static void PaintSide(SKCanvas canvas, PaintContext ctx, SKRect area, CaseStudy c, Phase p)
    {
        var m = ctx.M;
        using (var fill = PaintContext.Fill(ctx.Theme.Panel))
        {
            canvas.DrawRoundRect(area, 14 * m.U, 14 * m.U, fill);
        }

        float pad = MathF.Max(6, 24 * m.U);
        var inner = new SKRect(area.Left + pad, area.Top + pad, area.Right - pad, area.Bottom - pad);
        float y = inner.Top;
        y += ctx.DrawFitted(canvas, p.Title, new SKRect(inner.Left, y, inner.Right, y + (m.HeadingSize * 2.6f)), m.HeadingSize * 0.8f, m.MinText, ctx.Theme.Text, $"diagram {c.Id}/{p.Id} title", bold: true).Height + (m.Gap * 0.5f);
        // Large text leaves the short out here (the phase screen has it) to give the relations room.
        if (m.W >= 1200 && !ctx.Theme.IsLargeText)
        {
            y += ctx.DrawFitted(canvas, p.Short, new SKRect(inner.Left, y, inner.Right, y + (inner.Height * 0.3f)), m.SmallSize, m.MinText, ctx.Theme.Muted, $"diagram {c.Id}/{p.Id} short").Height + m.Gap;
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

        // One size for every relation in the panel: the largest at which all of them, each wrapped to the
        // panel's width and stacked, fit the space left (never under the legible minimum).
        var texts = edges.Select(e => $"{ShortName(c, e.From)} {e.Relation} {ShortName(c, e.To)}").ToArray();
        float rowGap = m.Gap * 0.3f, room = inner.Bottom - y - (rowGap * (edges.Count - 1));
        float min = m.Legible(MathF.Min(m.SmallSize, 8 * m.TextScale));
        var layouts = new TextLayout[texts.Length];
        for (float size = m.SmallSize; ; size = MathF.Max(min, size * 0.94f))
        {
            float total = 0;
            for (int i = 0; i < texts.Length; i++)
            {
                layouts[i] = ctx.Text.Layout(texts[i], size, inner.Width);
                total += layouts[i].Height;
            }

            if (total <= room + 0.5f)
            {
                break;
            }

            if (size <= min)
            {
                ctx.Overflows.Add($"{ctx.Where}: diagram {c.Id}/{p.Id} relations");
                break;
            }
        }

        for (int i = 0; i < edges.Count && y < inner.Bottom; i++)
        {
            int mode = IndexOfMode(c, edges[i].Mode);
            ctx.Draw(canvas, layouts[i], inner.Left, y, inner.Width, ctx.ModeColor(c, mode), $"diagram {c.Id}/{p.Id} edge {i}");
            y += layouts[i].Height + rowGap;
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
