using Kiosk.Host.Display;
using Kiosk.Render.Frames;

namespace Kiosk.Faults.Display;

/// <summary>
/// A display that fails on cue: while <see cref="Failure"/> returns an exception for the current time it throws
/// it (an unplugged panel throws <see cref="IOException"/> until it is back), otherwise it takes the frame and
/// remembers whether it was a full one.
/// </summary>
internal sealed class FaultySink(int width, int height, TimeProvider time) : IDisplaySink
{
    public Func<DateTimeOffset, Exception?> Failure { get; set; } = _ => null;

    public string Name => "faulty";

    public int Width => width;

    public int Height => height;

    public List<DateTimeOffset> FailedAt { get; } = [];

    public List<(DateTimeOffset At, bool Full)> Taken { get; } = [];

    public void Present(Frame frame)
    {
        var now = time.GetUtcNow();
        if (Failure(now) is { } ex)
        {
            FailedAt.Add(now);
            throw ex;
        }

        Taken.Add((now, frame.Dirty.Count == 1 && frame.Dirty[0] == frame.Bounds));
    }

    public void Dispose()
    {
    }
}
