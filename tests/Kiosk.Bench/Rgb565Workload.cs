using Kiosk.Render.Frames;

namespace Kiosk.Bench;

/// <summary>
/// Whole-frame BGRA to big-endian RGB565, through a ring of 32 out-of-cache frames as the copy baseline
/// uses, so the two are compared like for like.
/// </summary>
public sealed class Rgb565Workload
{
    private readonly byte[][] _sources;
    private readonly byte[][] _targets;
    private readonly bool _scalar;
    private int _next;

    public Rgb565Workload(int width, int height, bool scalar = false)
    {
        _scalar = scalar;
        _sources = new byte[FrameCopyBaseline.Buffers][];
        _targets = new byte[FrameCopyBaseline.Buffers][];
        for (int i = 0; i < FrameCopyBaseline.Buffers; i++)
        {
            _sources[i] = GC.AllocateUninitializedArray<byte>(width * height * 4, pinned: true);
            _targets[i] = GC.AllocateUninitializedArray<byte>(width * height * 2, pinned: true);
            _sources[i].AsSpan().Fill((byte)(0xA5 + i));
            _targets[i].AsSpan().Clear();
        }
    }

    public void Run()
    {
        _next = (_next + 1) % FrameCopyBaseline.Buffers;
        if (_scalar)
        {
            Rgb565.ConvertRowScalar(_sources[_next], _targets[_next], bigEndian: true);
        }
        else
        {
            Rgb565.ConvertRow(_sources[_next], _targets[_next], bigEndian: true);
        }
    }
}
