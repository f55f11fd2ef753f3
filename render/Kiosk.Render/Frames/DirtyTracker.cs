namespace Kiosk.Render.Frames;

/// <summary>
/// Finds what changed between two frames by comparing tiles, then merges changed tiles into few rectangles:
/// runs along each tile row, and runs of equal extent stacked down rows. SPI panels then send only those.
/// With <c>tighten</c>, each rectangle is then shrunk to the changed pixels inside it: a line of new text fills
/// its tiles only partly, and on an SPI panel every pixel sent costs bus time.
/// </summary>
public sealed class DirtyTracker(int tileSize = 16, bool tighten = false)
{
    private int[] _runStart = [];
    private int[] _runEnd = [];
    private bool[] _tileChanged = [];
    private readonly List<PixelRect> _open = [];

    public int TileSize { get; } = tileSize;

    /// <summary>
    /// Small SPI panels pay per byte sent, so they get finer tiles; on HDMI the diff itself should stay cheap.
    /// </summary>
    public static int TileSizeFor(int frameWidth) => frameWidth <= 480 ? 8 : 16;

    /// <summary>The tracker a frame of this width gets: fine, tightened rectangles for SPI panels.</summary>
    public static DirtyTracker For(int frameWidth) => new(TileSizeFor(frameWidth), tighten: frameWidth <= 480);

    public void Diff(Frame previous, Frame current, List<PixelRect> dirty) => Diff(previous, current, dirty, current.Bounds);

    /// <summary>
    /// Compares only the tiles that meet <paramref name="within"/>: the caller knows nothing outside it was drawn
    /// differently (a morph between the same two screens as the previous frame).
    /// </summary>
    public void Diff(Frame previous, Frame current, List<PixelRect> dirty, PixelRect within)
    {
        dirty.Clear();
        int tilesX = (current.Width + TileSize - 1) / TileSize;
        if (_runStart.Length < tilesX)
        {
            _runStart = new int[tilesX];
            _runEnd = new int[tilesX];
        }

        _open.Clear();
        if (_tileChanged.Length < tilesX)
        {
            _tileChanged = new bool[tilesX];
        }

        within = within.Intersect(current.Bounds);
        int txFrom = within.X / TileSize, txTo = (within.Right + TileSize - 1) / TileSize;
        for (int ty = 0; ty * TileSize < current.Height; ty++)
        {
            int y0 = ty * TileSize, h = Math.Min(TileSize, current.Height - y0);
            if (y0 + h <= within.Y || y0 >= within.Bottom)
            {
                Array.Clear(_tileChanged, 0, tilesX);
            }
            else
            {
                MarkChangedTiles(previous, current, y0, h, tilesX, txFrom, txTo);
            }

            int runs = 0;
            int runFrom = -1;
            for (int tx = 0; tx <= tilesX; tx++)
            {
                bool changed = tx < tilesX && _tileChanged[tx];
                if (changed && runFrom < 0)
                {
                    runFrom = tx;
                }
                else if (!changed && runFrom >= 0)
                {
                    _runStart[runs] = runFrom * TileSize;
                    _runEnd[runs] = Math.Min(tx * TileSize, current.Width);
                    runs++;
                    runFrom = -1;
                }
            }

            MergeRow(y0, h, runs, dirty);
        }

        dirty.AddRange(_open);
        _open.Clear();
        if (tighten)
        {
            for (int i = 0; i < dirty.Count; i++)
            {
                dirty[i] = Tighten(previous, current, dirty[i]);
            }
        }
    }

    /// <summary>The smallest rectangle inside <paramref name="r"/> that holds every pixel that differs.</summary>
    private static PixelRect Tighten(Frame a, Frame b, PixelRect r)
    {
        int origin = (r.Y * a.Stride) + (r.X * 4);
        var found = ChangedBounds.Find(a.Pixels.AsSpan(origin), a.Stride, b.Pixels.AsSpan(origin), b.Stride, r.Width, r.Height);

        // A tile marked changed always holds a differing byte, so the guard only keeps r if that ever fails.
        return found.IsEmpty ? r : found with { X = r.X + found.X, Y = r.Y + found.Y };
    }

    /// <summary>A run continues an open rectangle when it has exactly its horizontal extent.</summary>
    private void MergeRow(int y0, int h, int runs, List<PixelRect> dirty)
    {
        for (int i = _open.Count - 1; i >= 0; i--)
        {
            var o = _open[i];
            int match = -1;
            for (int r = 0; r < runs; r++)
            {
                if (_runStart[r] == o.X && _runEnd[r] - _runStart[r] == o.Width && o.Bottom == y0)
                {
                    match = r;
                    break;
                }
            }

            if (match >= 0)
            {
                _open[i] = o with { Height = o.Height + h };
                _runStart[match] = -1;
            }
            else
            {
                dirty.Add(o);
                _open.RemoveAt(i);
            }
        }

        for (int r = 0; r < runs; r++)
        {
            if (_runStart[r] >= 0)
            {
                _open.Add(new PixelRect(_runStart[r], y0, _runEnd[r] - _runStart[r], h));
            }
        }
    }

    /// <summary>
    /// Marks which tiles of one band of rows changed. Whole rows are compared first (a vectorised memcmp), so the
    /// unchanged rows that make up most frames cost no more than a copy; only rows that differ are split by tile.
    /// </summary>
    private void MarkChangedTiles(Frame a, Frame b, int y0, int h, int tilesX, int txFrom, int txTo)
    {
        Array.Clear(_tileChanged, 0, tilesX);
        int tileBytes = TileSize * 4;
        int rowBytes = b.Width * 4;
        int from = txFrom * tileBytes, length = Math.Min(rowBytes, txTo * tileBytes) - from;
        for (int row = y0; row < y0 + h; row++)
        {
            var ra = a.Pixels.AsSpan(row * a.Stride, rowBytes);
            var rb = b.Pixels.AsSpan(row * b.Stride, rowBytes);
            if (ra.Slice(from, length).SequenceEqual(rb.Slice(from, length)))
            {
                continue;
            }

            for (int tx = txFrom; tx < txTo; tx++)
            {
                if (_tileChanged[tx])
                {
                    continue;
                }

                int offset = tx * tileBytes;
                int bytes = Math.Min(tileBytes, rowBytes - offset);
                if (!ra.Slice(offset, bytes).SequenceEqual(rb.Slice(offset, bytes)))
                {
                    _tileChanged[tx] = true;
                }
            }
        }
    }
}
