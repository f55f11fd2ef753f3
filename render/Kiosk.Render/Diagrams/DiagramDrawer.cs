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
    private readonly float _unit;

    public DiagramDrawer(CaseStudy c, DiagramLayout layout, PaintContext ctx)
    {
        _case = c;
        _layout = layout;
        _unit = MathF.Max(0.35f, ctx.M.U);
        // On small panels an edge is one pixel wide anyway: Skia's hairline path draws it several times faster
        // than a stroked curve, which matters when a diagram morphs at 60 fps on a Pi.
        float width = 4 * ctx.M.U;
        _edgePaint = PaintContext.Stroke(Theme.Accent, width < 1.75f ? 0 : width);
        _arrowPaint = PaintContext.Fill(Theme.Accent);
        _dashes = [.. c.Modes.Select((_, i) => Theme.ModeDash(i, _unit) is { } d ? SKPathEffect.CreateDash(d, 0) : null)];
        _edges = [.. c.Phases.Select(p => p.Diagram.Edges.Select(e => (layout.ActorIndex[e.From], layout.ActorIndex[e.To], DiagramPainter.IndexOfMode(c, e.Mode))).ToArray())];
        _nodeImages = new SKImage?[c.Actors.Count];
        for (int a = 0; a < c.Actors.Count; a++)
        {
            _nodeImages[a] = RenderNode(c.Actors[a], ctx);
        }
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
                DrawEdge(canvas, from[i], fromPhase, toPhase, t, 1 - t, Theme.ModeColor(from[i].Mode), from[i].Mode);
            }
        }

        for (int i = 0; i < to.Length; i++)
        {
            int match = Find(from, to[i].From, to[i].To);
            var color = match < 0 ? Theme.ModeColor(to[i].Mode) : Theme.Lerp(Theme.ModeColor(from[match].Mode), Theme.ModeColor(to[i].Mode), t);
            int dashMode = match >= 0 && t < 0.5f ? from[match].Mode : to[i].Mode;
            DrawEdge(canvas, to[i], fromPhase, toPhase, t, match < 0 ? t : 1, color, dashMode);
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

    private void DrawEdge(SKCanvas canvas, (int From, int To, int Mode) e, int fromPhase, int toPhase, float t, float alpha, SKColor color, int dashMode)
    {
        if (alpha <= 0.01f)
        {
            return;
        }

        var ra = NodeRect(e.From, fromPhase, toPhase, t);
        var rb = NodeRect(e.To, fromPhase, toPhase, t);
        SKPoint start, end, control;
        if (MathF.Abs(ra.MidY - rb.MidY) < ra.Height * 0.5f)
        {
            // Same band: a straight line would run through the nodes between, so arc over them (rightwards)
            // or under them (leftwards), which also keeps A→B and B→A apart.
            float side = rb.MidX >= ra.MidX ? -1 : 1;
            float lift = MathF.Min(MathF.Abs(rb.MidX - ra.MidX) * 0.35f, _layout.BandHeight * 0.9f);

            // The top and bottom bands have no room beyond them: their arcs stay inside the diagram.
            if (MathF.Min(ra.Top, rb.Top) - lift < _layout.Area.Top)
            {
                side = 1;
            }
            else if (MathF.Max(ra.Bottom, rb.Bottom) + lift > _layout.Area.Bottom)
            {
                side = -1;
            }

            float edgeY = side < 0 ? MathF.Min(ra.Top, rb.Top) : MathF.Max(ra.Bottom, rb.Bottom);
            start = new SKPoint(ra.MidX + (MathF.Sign(rb.MidX - ra.MidX) * ra.Width * 0.2f), edgeY);
            end = new SKPoint(rb.MidX - (MathF.Sign(rb.MidX - ra.MidX) * rb.Width * 0.2f), edgeY);
            control = new SKPoint((start.X + end.X) / 2, edgeY + (side * lift * 2));
        }
        else
        {
            start = Exit(ra, rb.MidX, rb.MidY);
            end = Exit(rb, ra.MidX, ra.MidY);
            float ddx = end.X - start.X, ddy = end.Y - start.Y;

            // Curve to the left of travel, so A→B and B→A are two distinct arcs.
            control = new SKPoint(((start.X + end.X) / 2) - (ddy * 0.14f), ((start.Y + end.Y) / 2) + (ddx * 0.14f));
        }

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

    private SKImage RenderNode(Actor actor, PaintContext ctx)
    {
        var m = ctx.M;
        int w = Math.Max(8, (int)MathF.Ceiling(_layout.NodeWidth)), h = Math.Max(8, (int)MathF.Ceiling(_layout.NodeHeight));
        var info = new SKImageInfo(w, h, SKImageInfo.PlatformColorType, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        float r = MathF.Min(h * 0.3f, 16 * m.U + 2);
        var box = new SKRect(1, 1, w - 1, h - 1);
        using (var fill = PaintContext.Fill(Theme.Node))
        {
            canvas.DrawRoundRect(box, r, r, fill);
        }

        using (var border = PaintContext.Stroke(Theme.NodeBorder, MathF.Max(1, 2 * m.U)))
        {
            canvas.DrawRoundRect(box, r, r, border);
        }

        float pad = MathF.Max(2, 10 * m.U);
        string label = m.Compact ? ActorLabels.Abbreviation(actor.Name) : actor.NameZh is { } zh ? $"{actor.Name}\n{zh}" : actor.Name;
        var labelBox = new SKRect(pad * 0.5f, pad * 0.3f, w - (pad * 0.5f), h - (pad * 0.3f));
        var text = ctx.Text.Fit(label, labelBox.Width, labelBox.Height, m.SmallSize, MathF.Min(m.MinText, 7));
        if (text.Overflowed)
        {
            ctx.Overflows.Add($"{m.Profile.Name}: node {_case.Id}/{actor.Id}");
        }

        using var paint = PaintContext.Fill(Theme.Text);
        text.Draw(canvas, labelBox.Left, labelBox.MidY - (text.Height / 2), paint, labelBox.Width, SKTextAlign.Center);
        return surface.Snapshot();
    }
}
