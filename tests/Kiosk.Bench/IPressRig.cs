using Kiosk.Render.Profiles;

namespace Kiosk.Bench;

/// <summary>
/// What <see cref="PressLatency"/> needs from a host: a frame pipeline showing a coupling diagram whose phases
/// a press steps through. The host implements it over its real frame cycle, so this library needs no host code.
/// </summary>
public interface IPressRig
{
    DisplayProfile Profile { get; }

    /// <summary>Phases of the case on screen.</summary>
    int Phases { get; }

    /// <summary>Lets any transition finish, so the next press starts from rest.</summary>
    void Settle();

    /// <summary>Posts Next (or Previous) and runs the pipeline until a display holds the press's first frame;
    /// returns that moment as a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
    long Press(bool forward);
}
