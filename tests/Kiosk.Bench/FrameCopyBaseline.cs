namespace Kiosk.Bench;

/// <summary>
/// The yardstick every figure is divided by: copying one frame of a given size, from and to buffers that are
/// out of cache (a ring of 32 frames; each copy goes half the ring ahead, so neither end was touched in the
/// last 15 copies), as a frame on its way to the glass would be.
/// </summary>
public sealed class FrameCopyBaseline
{
    public const int Buffers = 32;

    private readonly byte[][] _ring;
    private int _next;

    public FrameCopyBaseline(int width, int height, int bytesPerPixel = 4)
    {
        FrameBytes = width * height * bytesPerPixel;
        _ring = new byte[Buffers][];
        for (int i = 0; i < Buffers; i++)
        {
            _ring[i] = GC.AllocateUninitializedArray<byte>(FrameBytes, pinned: true);
            _ring[i].AsSpan().Fill((byte)(0x5A + i));
        }
    }

    public int FrameBytes { get; }

    public void Run()
    {
        _next = (_next + 1) % Buffers;
        _ring[_next].AsSpan().CopyTo(_ring[(_next + (Buffers / 2)) % Buffers]);
    }
}
