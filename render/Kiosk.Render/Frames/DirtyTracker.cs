namespace Kiosk.Render.Frames;

/// <summary>
/// Finds what changed between two frames by comparing tiles, then merges changed tiles into few rectangles:
/// runs along each tile row, and runs of equal extent stacked down rows. SPI panels then send only those.
/// </summary>
public sealed class DirtyTracker(int tileSize = 16)
{
    private int[] _runStart = [];
    private int[] _runEnd = [];
    private readonly List<PixelRect> _open = [];

    public int TileSize { get; } = tileSize;

    /// <summary>
    /// Small SPI panels pay per byte sent, so they get finer tiles; on HDMI the diff itself should stay cheap.
    /// </summary>
    public static int TileSizeFor(int frameWidth) => frameWidth <= 480 ? 8 : 16;

    public void Diff(Frame previous, Frame current, List<PixelRect> dirty)
    {
        dirty.Clear();
        int tilesX = (current.Width + TileSize - 1) / TileSize;
        if (_runStart.Length < tilesX)
        {
            _runStart = new int[tilesX];
            _runEnd = new int[tilesX];
        }

        _open.Clear();
        for (int ty = 0; ty * TileSize < current.Height; ty++)
        {
            int y0 = ty * TileSize, h = Math.Min(TileSize, current.Height - y0);
            int runs = 0;
            int runFrom = -1;
            for (int tx = 0; tx <= tilesX; tx++)
            {
                bool changed = tx < tilesX && TileChanged(previous, current, tx * TileSize, y0, Math.Min(TileSize, current.Width - (tx * TileSize)), h);
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

    private static bool TileChanged(Frame a, Frame b, int x, int y, int w, int h)
    {
        int offset = x * 4, bytes = w * 4;
        for (int row = y; row < y + h; row++)
        {
            if (!a.Pixels.AsSpan((row * a.Stride) + offset, bytes).SequenceEqual(b.Pixels.AsSpan((row * b.Stride) + offset, bytes)))
            {
                return true;
            }
        }

        return false;
    }
}
