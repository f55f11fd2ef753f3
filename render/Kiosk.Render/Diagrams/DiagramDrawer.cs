using Kiosk.Content.Model;
using Kiosk.Render.Layout;
using Kiosk.Render.Painters;
using SkiaSharp;

namespace Kiosk.Render.Diagrams;

/// <summary>
/// Draws a diagram's nodes and edges between two phases at progress t: shared actors glide, leaving ones fade
/// out, arriving ones fade in, and an edge whose mode changed shifts colour. Node faces are pre-rendered
/// images and paths and paints are reused, so a frame allocates nothing.
/// </summary>
internal sealed class DiagramDrawer : IDisposable
{
    private readonly CaseStudy _case;
    private readonly DiagramLayout _layout;
    private readonly SKImage?[] _nodeImages;
    private readonly (int From, int To, int Mode)[][] _edges; // [phase][edge]
    private readonly SKPath _path = new();
    private readonly SKPaint _edgePaint;
    private readonly SKPaint _arrowPaint;
    private readonly SKPaint _imagePaint = new() { IsAntialias = true };
    private readonly SKPathEffect?[] _dashes;
    private readonly SKColor[] _colors; // per mode: context modes grey
    private readonly float _unit;
    private readonly EdgeRouter _router;
    private readonly EdgeRoute[][] _routes; // [phase][edge], chosen once so no edge crosses a node at rest
    private readonly DrawnText[] _nodeText; // each node's label, relative to the node's top left
    private readonly SKColor _nodeTextColor;

    public DiagramDrawer(CaseStudy c, DiagramLayout layout, PaintContext ctx)
    {
        _case = c;
        _layout = layout;
        _unit = MathF.Max(0.35f, ctx.M.U);
        // On small panels an edge is one pixel wide anyway: Skia's hairline path draws it several times faster
        // than a stroked curve, which matters when a diagram morphs at 60 fps on a Pi.
        float width = 4 * ctx.M.U;
        _edgePaint = PaintContext.Stroke(ctx.Theme.Accent, width < 1.75f ? 0 : width);
        _arrowPaint = PaintContext.Fill(ctx.Theme.Accent);
        _dashes = [.. c.Modes.Select((_, i) => PaintContext.ModeDash(c, i, _unit) is { } d ? SKPathEffect.CreateDash(d, 0) : null)];
        _colors = [.. c.Modes.Select((_, i) => ctx.ModeColor(c, i))];
        _edges = [.. c.Phases.Select(p => p.Diagram.Edges.Select(e => (layout.ActorIndex[e.From], layout.ActorIndex[e.To], DiagramPainter.IndexOfMode(c, e.Mode))).ToArray())];
        _nodeImages = new SKImage?[c.Actors.Count];
        _nodeText = new DrawnText[c.Actors.Count];
        _nodeTextColor = ctx.Theme.Text;
        var runs = ctx.Runs;
        ctx.Runs = null; // node faces are drawn off-screen: their runs are listed where the nodes land (NodeRuns)
        var labels = c.Actors.Select(a => NodeLabel(a, ctx)).ToList();
        // One label size for every node of the case (the largest at which all fit), so no actor looks more or less
        // important because its name is shorter; the faces are shared by all phases, so the size is too.
        float size = labels.Min(l => l.Size);
        for (int a = 0; a < c.Actors.Count; a++)
        {
            _nodeImages[a] = RenderNode(c.Actors[a], ctx, a, labels[a].Text, size);
        }

        ctx.Runs = runs;
        _router = new EdgeRouter(layout, c.Actors.Count);
        _routes = [.. _edges.Select((edges, p) => edges.Select(e => _router.Choose(p, e.From, e.To)).ToArray())];
    }

    public void Draw(SKCanvas canvas, int fromPhase, int toPhase, float t)
    {
        var from = _edges[fromPhase];
        var to = _edges[toPhase];
        for (int i = 0; i < from.Length; i++)
        {
            int match = Find(to, from[i].From, from[i].To);
            if (match < 0)
            {
                DrawEdge(canvas, from[i], fromPhase, toPhase, t, 1 - t, _colors[from[i].Mode], from[i].Mode, _routes[fromPhase][i]);
            }
        }

        for (int i = 0; i < to.Length; i++)
        {
            int match = Find(from, to[i].From, to[i].To);
            var color = match < 0 ? _colors[to[i].Mode] : Theme.Lerp(_colors[from[match].Mode], _colors[to[i].Mode], t);
            int dashMode = match >= 0 && t < 0.5f ? from[match].Mode : to[i].Mode;
            var route = match < 0 ? _routes[toPhase][i] : EdgeRoute.Between(_routes[fromPhase][match], _routes[toPhase][i], t);
            DrawEdge(canvas, to[i], fromPhase, toPhase, t, match < 0 ? t : 1, color, dashMode, route);
        }

        for (int a = 0; a < _nodeImages.Length; a++)
        {
            bool inFrom = _layout.IsPresent(fromPhase, a), inTo = _layout.IsPresent(toPhase, a);
            if (!inFrom && !inTo)
            {
                continue;
            }

            float alpha = inFrom && inTo ? 1 : inTo ? t : 1 - t;
            var rect = NodeRect(a, fromPhase, toPhase, t);
            _imagePaint.Color = SKColors.White.WithAlpha((byte)(alpha * 255));
            canvas.DrawImage(_nodeImages[a], MathF.Round(rect.Left), MathF.Round(rect.Top), alpha >= 1 ? null : _imagePaint);
        }
    }

    /// <summary>The node labels of a phase at rest, where they are on the frame (for the contrast test).</summary>
    public IEnumerable<DrawnText> NodeRuns(int phase)
    {
        for (int a = 0; a < _nodeImages.Length; a++)
        {
            if (_layout.IsPresent(phase, a))
            {
                var r = _layout.RectOf(phase, a);
                var t = _nodeText[a];
                yield return t with { Box = SKRect.Create(MathF.Round(r.Left) + t.Box.Left, MathF.Round(r.Top) + t.Box.Top, t.Box.Width, t.Box.Height), Color = _nodeTextColor };
            }
        }
    }

    /// <summary>Bounds of everything drawn between two phases, for dirty-rectangle tracking.</summary>
    public SKRect Bounds => _layout.Area;

    public void Dispose()
    {
        foreach (var image in _nodeImages)
        {
            image?.Dispose();
        }

        foreach (var dash in _dashes)
        {
            dash?.Dispose();
        }

        _path.Dispose();
        _edgePaint.Dispose();
        _arrowPaint.Dispose();
        _imagePaint.Dispose();
    }

    private SKRect NodeRect(int actor, int fromPhase, int toPhase, float t)
    {
        bool inFrom = _layout.IsPresent(fromPhase, actor), inTo = _layout.IsPresent(toPhase, actor);
        var a = inFrom ? _layout.RectOf(fromPhase, actor) : _layout.RectOf(toPhase, actor);
        var b = inTo ? _layout.RectOf(toPhase, actor) : a;
        return new SKRect(a.Left + ((b.Left - a.Left) * t), a.Top + ((b.Top - a.Top) * t), a.Right + ((b.Right - a.Right) * t), a.Bottom + ((b.Bottom - a.Bottom) * t));
    }

    private void DrawEdge(SKCanvas canvas, (int From, int To, int Mode) e, int fromPhase, int toPhase, float t, float alpha, SKColor color, int dashMode, EdgeRoute route)
    {
        if (alpha <= 0.01f)
        {
            return;
        }

        var ra = NodeRect(e.From, fromPhase, toPhase, t);
        var rb = NodeRect(e.To, fromPhase, toPhase, t);
        var (start, c1, control, end) = _router.Curve(ra, rb, route);
        float dx = end.X - start.X, dy = end.Y - start.Y;
        if ((dx * dx) + (dy * dy) < 1)
        {
            return;
        }

        var c = color.WithAlpha((byte)(alpha * 255));
        _edgePaint.Color = c;
        _edgePaint.PathEffect = _dashes[dashMode];
        _path.Reset();
        _path.MoveTo(start);
        if (route.Detour)
        {
            _path.CubicTo(c1, control, end);
        }
        else
        {
            // A bow is drawn as the quadratic it is (its control point from the cubic form's first one).
            _path.QuadTo(start.X + ((c1.X - start.X) * 1.5f), start.Y + ((c1.Y - start.Y) * 1.5f), end.X, end.Y);
        }
        canvas.DrawPath(_path, _edgePaint);

        float tx = end.X - control.X, ty = end.Y - control.Y;
        float tl = MathF.Max(0.001f, MathF.Sqrt((tx * tx) + (ty * ty)));
        tx /= tl;
        ty /= tl;
        float head = 16 * _unit + 4;
        _arrowPaint.Color = c;
        _path.Reset();
        _path.MoveTo(end);
        _path.LineTo(end.X - (tx * head) - (ty * head * 0.5f), end.Y - (ty * head) + (tx * head * 0.5f));
        _path.LineTo(end.X - (tx * head) + (ty * head * 0.5f), end.Y - (ty * head) - (tx * head * 0.5f));
        _path.Close();
        canvas.DrawPath(_path, _arrowPaint);
    }

    /// <summary>Edges of a phase at rest whose curve crosses another node's box (tests keep this at zero).</summary>
    internal int EdgesThroughNodes(int phase)
    {
        int n = 0;
        for (int i = 0; i < _edges[phase].Length; i++)
        {
            var (a, b, _) = _edges[phase][i];
            n += _router.Hits(phase, a, b, _routes[phase][i], out _) > 0 ? 1 : 0;
        }

        return n;
    }

    private static int Find((int From, int To, int Mode)[] edges, int from, int to)
    {
        for (int i = 0; i < edges.Length; i++)
        {
            if (edges[i].From == from && edges[i].To == to)
            {
                return i;
            }
        }

        return -1;
    }

    private static SKRect LabelBox(Metrics m, float w, float h)
    {
        float pad = MathF.Max(2, 10 * m.U);
        return new SKRect(pad * 0.5f, pad * 0.3f, w - (pad * 0.5f), h - (pad * 0.3f));
    }

    /// <summary>What a node says (name and Chinese name; on small panels an abbreviation, or the initials where that does not fit) and the largest size it fits at.</summary>
    private (string Text, float Size) NodeLabel(Actor actor, PaintContext ctx)
    {
        var m = ctx.M;
        int w = Math.Max(8, (int)MathF.Ceiling(_layout.NodeWidth)), h = Math.Max(8, (int)MathF.Ceiling(_layout.NodeHeight));
        var box = LabelBox(m, w, h);
        string label = m.Compact ? ActorLabels.Abbreviation(actor.Name) : actor.NameZh is { } zh ? $"{actor.Name}\n{zh}" : actor.Name;
        float min = m.Legible(MathF.Min(m.MinText, 7 * m.TextScale));
        var text = ctx.Text.Fit(label, box.Width, box.Height, m.SmallSize, min);
        if (text.Overflowed && m.Compact && ActorLabels.Initials(actor.Name) is { } initials && initials != label)
        {
            // A bracketed abbreviation too long for a small node at this size: the initials stand in.
            label = initials;
            text = ctx.Text.Fit(label, box.Width, box.Height, m.SmallSize, min);
        }

        return (label, text.Size);
    }

    private SKImage RenderNode(Actor actor, PaintContext ctx, int index, string label, float size)
    {
        var m = ctx.M;
        int w = Math.Max(8, (int)MathF.Ceiling(_layout.NodeWidth)), h = Math.Max(8, (int)MathF.Ceiling(_layout.NodeHeight));
        var info = new SKImageInfo(w, h, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        float r = MathF.Min(h * 0.3f, 16 * m.U + 2);
        var box = new SKRect(1, 1, w - 1, h - 1);
        using (var fill = PaintContext.Fill(ctx.Theme.Node))
        {
            canvas.DrawRoundRect(box, r, r, fill);
        }

        using (var border = PaintContext.Stroke(ctx.Theme.NodeBorder, MathF.Max(1, 2 * m.U)))
        {
            canvas.DrawRoundRect(box, r, r, border);
        }

        var labelBox = LabelBox(m, w, h);
        var text = ctx.Text.Fit(label, labelBox.Width, labelBox.Height, size, size);
        if (text.Overflowed)
        {
            ctx.Overflows.Add($"{ctx.Where}: node {_case.Id}/{actor.Id}");
        }

        float top = labelBox.MidY - (text.Height / 2);
        ctx.Draw(canvas, text, labelBox.Left, top, labelBox.Width, ctx.Theme.Text, $"node {_case.Id}/{actor.Id}", SKTextAlign.Center);
        float lw = MathF.Min(text.Width, labelBox.Width);
        _nodeText[index] = new DrawnText($"node {_case.Id}/{actor.Id}", SKRect.Create(labelBox.MidX - (lw / 2), top, lw, text.Height), ctx.Theme.Text, text.Size);
        return surface.Snapshot();
    }
}
