namespace Kiosk.Host.Input;

/// <summary>
/// Whether the input loop is alive: the input service has started its sources and not all of them have stopped.
/// A new pack is committed only when this holds, so a kiosk that shows a picture nobody can drive is not "healthy".
/// </summary>
public sealed class InputHealth
{
    private int _sources = -1;
    private int _stopped;

    /// <summary>True once the sources run (or there are none to run) and at least one is still running.</summary>
    public bool Alive
    {
        get
        {
            int sources = Volatile.Read(ref _sources);
            return sources == 0 || (sources > 0 && Volatile.Read(ref _stopped) < sources);
        }
    }

    public void Started(int sources) => Volatile.Write(ref _sources, sources);

    public void Stopped() => Interlocked.Increment(ref _stopped);
}
