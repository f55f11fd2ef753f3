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
    private readonly float[][] _bends; // [phase][edge], chosen once so no edge crosses a node at rest
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
        for (int a = 0; a < c.Actors.Count; a++)
        {
            _nodeImages[a] = RenderNode(c.Actors[a], ctx, a);
        }

        ctx.Runs = runs;
        _bends = ChooseBends();
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
                DrawEdge(canvas, from[i], fromPhase, toPhase, t, 1 - t, _colors[from[i].Mode], from[i].Mode, _bends[fromPhase][i]);
            }
        }

        for (int i = 0; i < to.Length; i++)
        {
            int match = Find(from, to[i].From, to[i].To);
            var color = match < 0 ? _colors[to[i].Mode] : Theme.Lerp(_colors[from[match].Mode], _colors[to[i].Mode], t);
            int dashMode = match >= 0 && t < 0.5f ? from[match].Mode : to[i].Mode;
            float bend = match < 0 ? _bends[toPhase][i] : MathF.Sign(_bends[fromPhase][match]) == MathF.Sign(_bends[toPhase][i])
                ? _bends[fromPhase][match] + ((_bends[toPhase][i] - _bends[fromPhase][match]) * t)
                : t < 0.5f ? _bends[fromPhase][match] : _bends[toPhase][i];
            DrawEdge(canvas, to[i], fromPhase, toPhase, t, match < 0 ? t : 1, color, dashMode, bend);
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

    private void DrawEdge(SKCanvas canvas, (int From, int To, int Mode) e, int fromPhase, int toPhase, float t, float alpha, SKColor color, int dashMode, float bend)
    {
        if (alpha <= 0.01f)
        {
            return;
        }

        var ra = NodeRect(e.From, fromPhase, toPhase, t);
        var rb = NodeRect(e.To, fromPhase, toPhase, t);
        var (start, control, end) = Curve(ra, rb, bend);
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
        _path.QuadTo(control, end);
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

    /// <summary>
    /// An edge's curve. Between bands <paramref name="bend"/> is the control point's sideways offset as a share
    /// of the edge's length (positive: to the left of travel). Within a band its sign says over (-) or under (+)
    /// the nodes between, and its size scales the arc's lift.
    /// </summary>
    private (SKPoint Start, SKPoint Control, SKPoint End) Curve(SKRect ra, SKRect rb, float bend)
    {
        if (SameBand(ra, rb))
        {
            float side = MathF.Sign(bend);
            float lift = MathF.Min(MathF.Abs(rb.MidX - ra.MidX) * 0.35f, _layout.BandHeight * 0.9f) * MathF.Abs(bend);
            float edgeY = side < 0 ? MathF.Min(ra.Top, rb.Top) : MathF.Max(ra.Bottom, rb.Bottom);
            var s = new SKPoint(ra.MidX + (MathF.Sign(rb.MidX - ra.MidX) * ra.Width * 0.2f), edgeY);
            var e = new SKPoint(rb.MidX - (MathF.Sign(rb.MidX - ra.MidX) * rb.Width * 0.2f), edgeY);
            return (s, new SKPoint((s.X + e.X) / 2, edgeY + (side * lift * 2)), e);
        }

        // The control point is set off from the line between the centres; the curve then leaves each box where
        // the line towards the control point crosses its border, so a strongly bent edge leaves from the side.
        float ddx = rb.MidX - ra.MidX, ddy = rb.MidY - ra.MidY;
        var control = new SKPoint(((ra.MidX + rb.MidX) / 2) - (ddy * bend), ((ra.MidY + rb.MidY) / 2) + (ddx * bend));
        return (Exit(ra, control.X, control.Y), control, Exit(rb, control.X, control.Y));
    }

    private bool SameBand(SKRect ra, SKRect rb) => MathF.Abs(ra.MidY - rb.MidY) < ra.Height * 0.5f;

    /// <summary>
    /// Picks each edge's bend at rest in each phase: the first of a few candidates whose curve stays inside the
    /// diagram and passes through no other node's box (else the one touching fewest), so no edge hides behind a node.
    /// </summary>
    private float[][] ChooseBends()
    {
        var bends = new float[_edges.Length][];
        for (int p = 0; p < _edges.Length; p++)
        {
            bends[p] = new float[_edges[p].Length];
            for (int i = 0; i < _edges[p].Length; i++)
            {
                var (a, b, _) = _edges[p][i];
                var ra = _layout.RectOf(p, a);
                var rb = _layout.RectOf(p, b);
                float[] candidates;
                if (SameBand(ra, rb))
                {
                    // Rightwards over, leftwards under, which also keeps A→B and B→A apart.
                    float side = rb.MidX >= ra.MidX ? -1 : 1;
                    candidates = [side, side * 0.6f, side * 1.4f, -side, -side * 0.6f, -side * 1.4f, side * 0.3f, -side * 0.3f];
                }
                else
                {
                    candidates = [0.14f, 0.3f, -0.14f, -0.3f, 0.5f, -0.5f, 0.7f, -0.7f, 0.9f, -0.9f, 1.2f, -1.2f, 1.6f, -1.6f, 0f];
                }

                float best = candidates[0];
                int fewest = int.MaxValue;
                foreach (float c in candidates)
                {
                    int hits = Hits(p, a, b, c);
                    if (hits < fewest)
                    {
                        (best, fewest) = (c, hits);
                    }

                    if (hits == 0)
                    {
                        break;
                    }
                }

                bends[p][i] = best;
            }
        }

        return bends;
    }

    /// <summary>How many samples of the edge's curve fall in another node's box or outside the diagram.</summary>
    internal int Hits(int phase, int from, int to, float bend)
    {
        var (s, c, e) = Curve(_layout.RectOf(phase, from), _layout.RectOf(phase, to), bend);
        int hits = 0;
        var area = _layout.Area;
        const int Samples = 48;
        for (int k = 1; k < Samples; k++)
        {
            float u = k / (float)Samples, v = 1 - u;
            float x = (v * v * s.X) + (2 * v * u * c.X) + (u * u * e.X);
            float y = (v * v * s.Y) + (2 * v * u * c.Y) + (u * u * e.Y);
            if (x < area.Left || x > area.Right || y < area.Top || y > area.Bottom)
            {
                hits++;
                continue;
            }

            for (int a = 0; a < _nodeImages.Length; a++)
            {
                if (a != from && a != to && _layout.IsPresent(phase, a))
                {
                    var r = _layout.RectOf(phase, a);
                    if (x > r.Left - 2 && x < r.Right + 2 && y > r.Top - 2 && y < r.Bottom + 2)
                    {
                        hits++;
                    }
                }
            }
        }

        return hits;
    }

    /// <summary>Edges of a phase at rest whose curve crosses another node's box (tests keep this at zero).</summary>
    internal int EdgesThroughNodes(int phase)
    {
        int n = 0;
        for (int i = 0; i < _edges[phase].Length; i++)
        {
            var (a, b, _) = _edges[phase][i];
            n += Hits(phase, a, b, _bends[phase][i]) > 0 ? 1 : 0;
        }

        return n;
    }

    /// <summary>Where the line from the rect's centre towards (x, y) leaves the rect.</summary>
    private static SKPoint Exit(SKRect r, float x, float y)
    {
        float dx = x - r.MidX, dy = y - r.MidY;
        if (MathF.Abs(dx) < 0.001f && MathF.Abs(dy) < 0.001f)
        {
            return new SKPoint(r.MidX, r.MidY);
        }

        float sx = MathF.Abs(dx) > 0.001f ? (r.Width / 2) / MathF.Abs(dx) : float.MaxValue;
        float sy = MathF.Abs(dy) > 0.001f ? (r.Height / 2) / MathF.Abs(dy) : float.MaxValue;
        float s = MathF.Min(sx, sy);
        return new SKPoint(r.MidX + (dx * s), r.MidY + (dy * s));
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

    private SKImage RenderNode(Actor actor, PaintContext ctx, int index)
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

        float pad = MathF.Max(2, 10 * m.U);
        string label = m.Compact ? ActorLabels.Abbreviation(actor.Name) : actor.NameZh is { } zh ? $"{actor.Name}\n{zh}" : actor.Name;
        var labelBox = new SKRect(pad * 0.5f, pad * 0.3f, w - (pad * 0.5f), h - (pad * 0.3f));
        var text = ctx.Text.Fit(label, labelBox.Width, labelBox.Height, m.SmallSize, MathF.Min(m.MinText, 7 * m.TextScale));
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
