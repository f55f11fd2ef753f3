using Kiosk.Content.Model;
using Kiosk.Render.Painters;
using SkiaSharp;

namespace Kiosk.Render.Maps;

/// <summary>One point on a locator map: where, its label, and whether it is the case's own place (accent).</summary>
public readonly record struct MapMarker(double Lon, double Lat, string Label, bool Strong);

/// <summary>
/// A locator map: land from <see cref="LandMap"/> in an equirectangular projection (longitudes shortened by the
/// cosine of the view's middle latitude, so shapes look right at these latitudes), markers with labels placed
/// where they overlap nothing already placed. A label that fits nowhere is left out; its dot stays.
/// </summary>
internal static class LocatorMap
{
    /// <summary>The view around some places: their bounds padded, at least <paramref name="minSpan"/> degrees wide, kept in the map's box.</summary>
    public static SKRect ViewAround(IEnumerable<Place> places, float aspect, float minSpan = 14)
    {
        var box = LandMap.Box;
        var list = places.ToList();
        if (list.Count == 0)
        {
            return box;
        }

        float west = (float)list.Min(p => p.Lon), east = (float)list.Max(p => p.Lon);
        float south = (float)list.Min(p => p.Lat), north = (float)list.Max(p => p.Lat);
        float cx = (west + east) / 2, cy = (south + north) / 2;
        float cos = MathF.Cos(cy * MathF.PI / 180);
        float w = MathF.Max(minSpan, (east - west) * 1.6f);
        float h = MathF.Max((north - south) * 1.6f, w * cos / aspect);
        w = MathF.Max(w, h * aspect / cos);
        w = MathF.Min(w, box.Width);
        h = MathF.Min(h, box.Height);
        float left = Math.Clamp(cx - (w / 2), box.Left, box.Right - w);
        float bottom = Math.Clamp(cy - (h / 2), box.Top, box.Bottom - h);
        return new SKRect(left, bottom, left + w, bottom + h); // Top/Bottom hold south/north (degrees)
    }

    public static void Paint(SKCanvas canvas, PaintContext ctx, SKRect area, SKRect view, IReadOnlyList<MapMarker> markers, string what)
    {
        var m = ctx.M;
        float cos = MathF.Cos(view.MidY * MathF.PI / 180);
        float scale = MathF.Min(area.Width / (view.Width * cos), area.Height / view.Height);
        float mapW = view.Width * cos * scale, mapH = view.Height * scale;
        var frame = SKRect.Create(area.MidX - (mapW / 2), area.MidY - (mapH / 2), mapW, mapH);
        SKPoint Project(double lon, double lat) => new(frame.Left + ((float)(lon - view.Left) * cos * scale), frame.Bottom - ((float)(lat - view.Top) * scale));

        canvas.Save();
        canvas.ClipRect(frame);
        using (var sea = PaintContext.Fill(ctx.Theme.Panel))
        {
            canvas.DrawRect(frame, sea);
        }

        using (var path = new SKPath())
        {
            foreach (var ring in LandMap.Rings)
            {
                path.MoveTo(Project(ring[0].X, ring[0].Y));
                for (int i = 1; i < ring.Length; i++)
                {
                    path.LineTo(Project(ring[i].X, ring[i].Y));
                }

                path.Close();
            }

            using var land = PaintContext.Fill(ctx.Theme.Land);
            canvas.DrawPath(path, land);
            using var coast = PaintContext.Stroke(ctx.Theme.Coast, MathF.Max(1, 2 * m.U));
            canvas.DrawPath(path, coast);
        }

        float dot = MathF.Max(2.5f, 9 * m.U);
        float ringWidth = MathF.Max(1, 2.5f * m.U);
        float size = MathF.Max(m.MinText, m.SmallSize * 0.9f);
        var points = markers.Select(k => Project(k.Lon, k.Lat)).ToList();
        // Each dot as seen: its disc with the ring round it, and a pixel to spare.
        var discs = markers.Select((k, i) => (Centre: points[i], Radius: (k.Strong ? dot : dot * 0.7f) + (ringWidth / 2) + 1)).ToList();

        // Bigger dots first, so a place right beside a bigger one (Zhongguancun inside Beijing) still shows on top.
        using (var strong = PaintContext.Fill(ctx.Theme.Accent))
        using (var weak = PaintContext.Fill(ctx.Theme.Muted))
        using (var ring = PaintContext.Stroke(ctx.Theme.Background, ringWidth))
        {
            foreach (int i in Enumerable.Range(0, markers.Count).OrderBy(i => markers[i].Strong ? 0 : 1).ThenByDescending(i => i))
            {
                float r = markers[i].Strong ? dot : dot * 0.7f;
                canvas.DrawCircle(points[i], r, markers[i].Strong ? strong : weak);
                canvas.DrawCircle(points[i], r, ring);
                ctx.Marks?.Add(new DrawnMark($"{what} dot {i}", canvas.TotalMatrix.MapPoint(points[i]), discs[i].Radius - 1));
            }
        }

        // Labels: the case's own places first. A label goes where it covers no dot (its own or another place's),
        // no label placed before it, and stays inside the map; a label that fits nowhere is left out, its dot stays.
        var placed = new List<SKRect>();
        foreach (int i in Enumerable.Range(0, markers.Count).OrderBy(i => markers[i].Strong ? 0 : 1))
        {
            string label = markers[i].Label;
            if (label.Length == 0)
            {
                continue;
            }

            var layout = ctx.Text.Layout(label, size, frame.Width * 0.6f, bold: markers[i].Strong, maxLines: 1);
            float w = layout.Width + 8, h = layout.Height + 2;
            if (LabelBox(points[i], discs[i].Radius, w, h, frame, discs, placed) is not { } box)
            {
                continue;
            }

            placed.Add(box);
            using (var plate = PaintContext.Fill(ctx.Theme.Background.WithAlpha(235)))
            {
                canvas.DrawRoundRect(box, 3, 3, plate);
            }

            ctx.Draw(canvas, layout, box.Left + 4, box.Top + 1, w - 8, markers[i].Strong ? ctx.Theme.Text : ctx.Theme.Muted, $"{what} label {i}");
        }

        canvas.Restore();
        using (var border = PaintContext.Stroke(ctx.Theme.NodeBorder, 1))
        {
            canvas.DrawRect(frame, border);
        }

        if (!m.Compact)
        {
            // Provenance, in the map's corner: public domain needs no credit, but visitors may ask.
            var credit = ctx.Text.Layout("Coastline: Natural Earth", m.MinText, frame.Width, maxLines: 1);
            ctx.Draw(canvas, credit, frame.Right - credit.Width - 6, frame.Bottom - credit.Height - 2, credit.Width, ctx.Theme.Muted, $"{what} credit");
        }
    }

    /// <summary>
    /// Where a label of w x h goes beside its dot at <paramref name="p"/>: right, left, above, below, then the four
    /// corners, then the same again one dot further out; the first box inside the frame that touches no dot's disc
    /// and no placed label. Null when none does.
    /// </summary>
    internal static SKRect? LabelBox(SKPoint p, float radius, float w, float h, SKRect frame, IReadOnlyList<(SKPoint Centre, float Radius)> discs, IReadOnlyList<SKRect> placed)
    {
        for (int ring = 0; ring < 2; ring++)
        {
            float off = radius + 2 + (ring * radius * 2);
            float d = off * 0.7f;
            ReadOnlySpan<SKRect> tries =
            [
                SKRect.Create(p.X + off, p.Y - (h / 2), w, h),
                SKRect.Create(p.X - off - w, p.Y - (h / 2), w, h),
                SKRect.Create(p.X - (w / 2), p.Y - off - h, w, h),
                SKRect.Create(p.X - (w / 2), p.Y + off, w, h),
                SKRect.Create(p.X + d, p.Y - d - h, w, h),
                SKRect.Create(p.X - d - w, p.Y - d - h, w, h),
                SKRect.Create(p.X + d, p.Y + d, w, h),
                SKRect.Create(p.X - d - w, p.Y + d, w, h),
            ];
            foreach (var box in tries)
            {
                if (frame.Contains(box) && !placed.Any(b => b.IntersectsWith(box)) && !discs.Any(c => Touches(box, c.Centre, c.Radius)))
                {
                    return box;
                }
            }
        }

        return null;
    }

    /// <summary>Whether a box and a disc share any point (the nearest point of the box to the centre is inside the disc).</summary>
    internal static bool Touches(SKRect box, SKPoint centre, float radius)
    {
        float x = Math.Clamp(centre.X, box.Left, box.Right) - centre.X;
        float y = Math.Clamp(centre.Y, box.Top, box.Bottom) - centre.Y;
        return (x * x) + (y * y) < radius * radius;
    }

    /// <summary>A place's label: its English name with the Chinese beside it where the source gives one.</summary>
    public static string Label(Place p) => p.NameZh is { } zh ? $"{p.Name} {zh}" : p.Name;
}
