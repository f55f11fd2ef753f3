using Kiosk.Host.Display;
using Kiosk.Render.Frames;
using Microsoft.Extensions.Logging;

namespace Kiosk.Host.Display;

/// <summary>
/// Keeps one failing display from taking the exhibit down: a sink that throws is logged and retried with
/// back-off (1 s doubling to 14 s), and the next frame it gets is a full one, since it may have lost pixels.
/// </summary>
public sealed class SinkGuard(IDisplaySink sink, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    /// <summary>
    /// The longest wait between tries. The tries (1, 2, 4, 8, 14, 14, 14 s apart) land well before
    /// DisplaySet.GiveUpAfter, so a display that comes back is seen before the watchdog pings stop.
    /// </summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(14);
    private TimeSpan _backoff = FirstRetry;
    private long _retryAt;
    private bool _needsFull;

    private PixelRect[] _whole = [];

    public IDisplaySink Sink { get; } = sink;

    /// <summary>Timestamp of the first failure in the current run of failures, or null when healthy.</summary>
    public long? FailingSince { get; private set; }

    /// <summary>Frames this display took, for the status file.</summary>
    public long Accepted { get; private set; }

    /// <summary>Sequence number of the last frame this display took, or -1.</summary>
    public long LastAcceptedSequence { get; private set; } = -1;

    /// <summary>Timestamp of the last frame this display took, or null.</summary>
    public long? LastAcceptedAt { get; private set; }

    /// <summary>Why the display failed last, while it is failing.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>True when the sink failed and its next try is due: the last frame should be shown again.</summary>
    public bool RetryDue => FailingSince is not null && time.GetTimestamp() >= _retryAt;

    /// <summary>Presents the frame unless backing off; returns true when the sink took it.</summary>
    public bool TryPresent(Frame frame, bool force)
    {
        long now = time.GetTimestamp();
        if (FailingSince is not null && now < _retryAt)
        {
            return false;
        }

        try
        {
            Sink.Present(frame, _needsFull || force ? WholeFrame(frame) : frame.Dirty);
            if (FailingSince is not null)
            {
                logger.LogInformation("display {Sink} is back", Sink.Name);
            }

            FailingSince = null;
            LastFailure = null;
            Accepted++;
            LastAcceptedSequence = frame.Sequence;
            LastAcceptedAt = now;
            _needsFull = false;
            _backoff = FirstRetry;
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Any driver failure, not just I/O: a bug in one sink must not stop frames reaching the others.
            FailingSince ??= now;
            LastFailure = ex.Message;
            _needsFull = true;
            _retryAt = now + (long)(_backoff.TotalSeconds * time.TimestampFrequency);
            logger.LogError(ex, "display {Sink} failed; retrying in {Seconds} s", Sink.Name, _backoff.TotalSeconds);
            _backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, _backoff.Ticks * 2));
            return false;
        }
    }

    // Kept between calls: a repaint every frame (a failing display's retries) allocates nothing.
    private PixelRect[] WholeFrame(Frame frame)
    {
        if (_whole.Length != 1 || _whole[0] != frame.Bounds)
        {
            _whole = [frame.Bounds];
        }

        return _whole;
    }

    /// <summary>Passes a blank to a sink that can darken itself; a failure is logged, never thrown.</summary>
    public void TrySetBlanked(bool blanked)
    {
        if (Sink is not IBlankable blankable)
        {
            return;
        }

        try
        {
            blankable.SetBlanked(blanked);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "display {Sink} could not {Action} its backlight", Sink.Name, blanked ? "turn off" : "turn on");
        }
    }
}
