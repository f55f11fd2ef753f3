using SkiaSharp;

namespace Kiosk.Render.Diagrams;

/// <summary>
/// How an edge runs between its two nodes. A simple edge is a bow: <see cref="Bend"/> sets its control point
/// off the line between the centres (see <see cref="EdgeRouter.Curve"/>). Where every bow would pass behind
/// another node, the edge is a detour (<see cref="Detour"/>): a cubic curve whose two control points sit at
/// fixed offsets from their own node's centre, so it can leave sideways, run along the gap between two rows of
/// nodes and climb to the other node. Offsets, not points, so the route keeps its shape while the nodes glide.
/// </summary>
internal readonly record struct EdgeRoute(float Bend, bool Detour, SKPoint FromOffset, SKPoint ToOffset)
{
    public static EdgeRoute Bow(float bend) => new(bend, false, default, default);

    /// <summary>The route part-way between two phases' routes: bows of one side and detours blend; others switch halfway.</summary>
    public static EdgeRoute Between(EdgeRoute a, EdgeRoute b, float t)
    {
        if (!a.Detour && !b.Detour && MathF.Sign(a.Bend) == MathF.Sign(b.Bend))
        {
            return Bow(a.Bend + ((b.Bend - a.Bend) * t));
        }

        if (a.Detour && b.Detour)
        {
            return new(0, true, Lerp(a.FromOffset, b.FromOffset, t), Lerp(a.ToOffset, b.ToOffset, t));
        }

        return t < 0.5f ? a : b;
    }

    private static SKPoint Lerp(SKPoint a, SKPoint b, float t) => new(a.X + ((b.X - a.X) * t), a.Y + ((b.Y - a.Y) * t));
}

/// <summary>
/// Routes a diagram's edges at rest so that none passes through a node box other than its own two or leaves the
/// diagram: first a bow from a short list of bends (the familiar look), else the shortest detour found among
/// control points placed in the gaps between the rows of nodes and beside the two nodes.
/// </summary>
internal sealed class EdgeRouter(DiagramLayout layout, int actorCount)
{
    private const int Samples = 48;

    public EdgeRoute Choose(int phase, int from, int to)
    {
        var ra = layout.RectOf(phase, from);
        var rb = layout.RectOf(phase, to);
        float[] bends;
        if (SameBand(ra, rb))
        {
            // Rightwards over, leftwards under, which also keeps A→B and B→A apart.
            float side = rb.MidX >= ra.MidX ? -1 : 1;
            bends = [side, side * 0.6f, side * 1.4f, -side, -side * 0.6f, -side * 1.4f, side * 0.3f, -side * 0.3f];
        }
        else
        {
            bends = [0.14f, 0.3f, -0.14f, -0.3f, 0.5f, -0.5f, 0.7f, -0.7f, 0.9f, -0.9f, 1.2f, -1.2f, 1.6f, -1.6f, 0f];
        }

        var best = EdgeRoute.Bow(bends[0]);
        int fewest = int.MaxValue;
        foreach (float bend in bends)
        {
            var route = EdgeRoute.Bow(bend);
            int hits = Hits(phase, from, to, route, out _);
            if (hits == 0)
            {
                return route;
            }

            if (hits < fewest)
            {
                (best, fewest) = (route, hits);
            }
        }

        // Every bow is blocked: try detours and keep the shortest clear one.
        float shortest = float.MaxValue;
        foreach (var route in Detours(ra, rb))
        {
            int hits = Hits(phase, from, to, route, out float length);
            if (hits == 0 ? fewest > 0 || length < shortest : hits < fewest)
            {
                (best, fewest, shortest) = (route, hits, hits == 0 ? length : shortest);
            }
        }

        return best;
    }

    /// <summary>
    /// An edge's cubic curve (start on A's border, two control points, end on B's border). A bow between bands
    /// sets its control point off the line between the centres by <see cref="EdgeRoute.Bend"/> of the edge's
    /// length (positive: to the left of travel); within a band the bend's sign says over (-) or under (+) the
    /// nodes between and its size scales the arc's lift. The curve leaves each box where the line from its
    /// centre towards the nearer control point crosses its border.
    /// </summary>
    public (SKPoint Start, SKPoint C1, SKPoint C2, SKPoint End) Curve(SKRect ra, SKRect rb, EdgeRoute route)
    {
        if (route.Detour)
        {
            var c1 = new SKPoint(ra.MidX + route.FromOffset.X, ra.MidY + route.FromOffset.Y);
            var c2 = new SKPoint(rb.MidX + route.ToOffset.X, rb.MidY + route.ToOffset.Y);
            return (Exit(ra, c1.X, c1.Y), c1, c2, Exit(rb, c2.X, c2.Y));
        }

        SKPoint s, q, e;
        if (SameBand(ra, rb))
        {
            float side = MathF.Sign(route.Bend);
            float lift = MathF.Min(MathF.Abs(rb.MidX - ra.MidX) * 0.35f, layout.BandHeight * 0.9f) * MathF.Abs(route.Bend);
            float edgeY = side < 0 ? MathF.Min(ra.Top, rb.Top) : MathF.Max(ra.Bottom, rb.Bottom);
            s = new SKPoint(ra.MidX + (MathF.Sign(rb.MidX - ra.MidX) * ra.Width * 0.2f), edgeY);
            e = new SKPoint(rb.MidX - (MathF.Sign(rb.MidX - ra.MidX) * rb.Width * 0.2f), edgeY);
            q = new SKPoint((s.X + e.X) / 2, edgeY + (side * lift * 2));
        }
        else
        {
            float ddx = rb.MidX - ra.MidX, ddy = rb.MidY - ra.MidY;
            q = new SKPoint(((ra.MidX + rb.MidX) / 2) - (ddy * route.Bend), ((ra.MidY + rb.MidY) / 2) + (ddx * route.Bend));
            s = Exit(ra, q.X, q.Y);
            e = Exit(rb, q.X, q.Y);
        }

        // The bow is a quadratic curve written as the same curve in cubic form.
        return (s, new SKPoint(s.X + ((q.X - s.X) * 2 / 3), s.Y + ((q.Y - s.Y) * 2 / 3)), new SKPoint(e.X + ((q.X - e.X) * 2 / 3), e.Y + ((q.Y - e.Y) * 2 / 3)), e);
    }

    /// <summary>How many samples of the edge's curve fall in another node's box or outside the diagram; and its length.</summary>
    public int Hits(int phase, int from, int to, EdgeRoute route, out float length)
    {
        var (s, c1, c2, e) = Curve(layout.RectOf(phase, from), layout.RectOf(phase, to), route);
        int hits = 0;
        length = 0;
        var area = layout.Area;
        var last = s;
        for (int k = 1; k <= Samples; k++)
        {
            var pt = Point(s, c1, c2, e, k / (float)Samples);
            length += SKPoint.Distance(last, pt);
            last = pt;
            if (k == Samples)
            {
                break;
            }

            if (pt.X < area.Left || pt.X > area.Right || pt.Y < area.Top || pt.Y > area.Bottom)
            {
                hits++;
                continue;
            }

            for (int a = 0; a < actorCount; a++)
            {
                if (a != from && a != to && layout.IsPresent(phase, a))
                {
                    var r = layout.RectOf(phase, a);
                    if (pt.X > r.Left - 2 && pt.X < r.Right + 2 && pt.Y > r.Top - 2 && pt.Y < r.Bottom + 2)
                    {
                        hits++;
                    }
                }
            }
        }

        return hits;
    }

    /// <summary>
    /// Detour candidates: each control point in one of the horizontal gaps between rows of nodes (the band
    /// boundaries, the diagram's top and bottom) or level with its own node, and beside, above or below its node.
    /// </summary>
    private IEnumerable<EdgeRoute> Detours(SKRect ra, SKRect rb)
    {
        var area = layout.Area;
        var ys = new List<float>();
        for (int k = 0; k <= layout.Bands.Length; k++)
        {
            ys.Add(Math.Clamp(area.Top + (k * layout.BandHeight), area.Top + 2, area.Bottom - 2));
        }

        float reach = MathF.Max(layout.NodeWidth * 0.75f, MathF.Abs(rb.MidX - ra.MidX) * 0.5f);
        float[] xs = [0, -0.6f, 0.6f, -1.2f, 1.2f];
        foreach (float ya in ys.Append(ra.MidY))
        {
            foreach (float yb in ys.Append(rb.MidY))
            {
                foreach (float xa in xs)
                {
                    foreach (float xb in xs)
                    {
                        var fa = new SKPoint(xa * reach, ya - ra.MidY);
                        var fb = new SKPoint(xb * reach, yb - rb.MidY);
                        if (Inside(ra, fa) || Inside(rb, fb))
                        {
                            continue;
                        }

                        yield return new EdgeRoute(0, true, fa, fb);
                    }
                }
            }
        }
    }

    /// <summary>A control point inside its own node would make the curve leave the box at a meaningless place.</summary>
    private static bool Inside(SKRect r, SKPoint offset) => MathF.Abs(offset.X) < r.Width / 2 && MathF.Abs(offset.Y) < r.Height / 2;

    private static SKPoint Point(SKPoint s, SKPoint c1, SKPoint c2, SKPoint e, float u)
    {
        float v = 1 - u;
        float a = v * v * v, b = 3 * v * v * u, c = 3 * v * u * u, d = u * u * u;
        return new SKPoint((a * s.X) + (b * c1.X) + (c * c2.X) + (d * e.X), (a * s.Y) + (b * c1.Y) + (c * c2.Y) + (d * e.Y));
    }

    private static bool SameBand(SKRect ra, SKRect rb) => MathF.Abs(ra.MidY - rb.MidY) < ra.Height * 0.5f;

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
}
