using Kiosk.Host.Display;
using Kiosk.Render.Frames;

namespace Kiosk.Faults.Display;

/// <summary>
/// A display that fails on cue: while <see cref="Failure"/> returns an exception for the current time it throws
/// it (an unplugged panel throws <see cref="IOException"/> until it is back), otherwise it takes the frame and
/// remembers when, and whether it was a full one. Given an inner display, it passes each frame on and records the
/// inner display's failures the same way (for a real sink that fails on its own, such as a PNG folder removed).
/// </summary>
internal sealed class FaultySink(int width, int height, TimeProvider time, IDisplaySink? inner = null) : IDisplaySink
{
    public Func<DateTimeOffset, Exception?> Failure { get; set; } = _ => null;

    public string Name => inner is null ? "faulty" : $"faulty({inner.Name})";

    public int Width => width;

    public int Height => height;

    public List<DateTimeOffset> FailedAt { get; } = [];

    public List<(DateTimeOffset At, bool Full)> Taken { get; } = [];

    public void Present(Frame frame, IReadOnlyList<PixelRect> dirty)
    {
        var now = time.GetUtcNow();
        if (Failure(now) is { } ex)
        {
            FailedAt.Add(now);
            throw ex;
        }

        try
        {
            inner?.Present(frame, frame.Dirty);
        }
        catch (Exception)
        {
            FailedAt.Add(now);
            throw;
        }

        Taken.Add((now, dirty.Count == 1 && dirty[0] == frame.Bounds));
    }

    public void Dispose() => inner?.Dispose();
}
