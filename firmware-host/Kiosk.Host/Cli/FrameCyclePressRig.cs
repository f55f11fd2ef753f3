using System.Diagnostics;
using Kiosk.Bench;
using Kiosk.Content.Packing;
using Kiosk.Host.Display;
using Kiosk.Host.Input;
using Kiosk.Host.Loop;
using Kiosk.Host.Navigation;
using Kiosk.Render.Frames;
using Kiosk.Render.Profiles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Host.Cli;

/// <summary>
/// <c>kiosk bench</c>'s press-latency rig: the real <see cref="FrameCycle"/> (command queue, navigator, renderer,
/// dirty rectangles, display guard) on the first case's coupling diagram, with a display that only notes when
/// a frame arrived. Time is stepped by hand, so each press is one cycle.
/// </summary>
internal sealed class FrameCyclePressRig : IPressRig, IDisposable
{
    private readonly TimingSink _sink;
    private readonly DisplaySet _displays;
    private readonly CommandQueue _commands = new();
    private readonly FrameCycle _cycle;
    private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    public FrameCyclePressRig(LoadedPack pack, DisplayProfile profile)
    {
        Profile = profile;
        Phases = pack.Content.Cases[0].Phases.Count;
        _sink = new TimingSink(profile);
        _displays = new DisplaySet([_sink], profile, TimeProvider.System, NullLogger.Instance);
        _cycle = new FrameCycle(pack, new NavigatorOptions(), _commands, _displays, _now);
        _cycle.Step(_now);
        foreach (var command in new[] { NavCommand.Select, NavCommand.Next, NavCommand.Select })
        {
            _commands.Post(command); // home → case → phase timeline → diagram
            _now += TimeSpan.FromSeconds(1);
            _cycle.Step(_now);
        }
    }

    public DisplayProfile Profile { get; }

    public int Phases { get; }

    public void Settle()
    {
        _now += TimeSpan.FromSeconds(1);
        _cycle.Step(_now);
    }

    public long Press(bool forward)
    {
        long before = _sink.Presented;
        _commands.Post(forward ? NavCommand.Next : NavCommand.Previous);
        _now += TimeSpan.FromMilliseconds(16);
        _cycle.Step(_now);
        return _sink.Presented != before ? _sink.LastAt : throw new InvalidOperationException("a press reached no display: the latency rig is broken");
    }

    public void Dispose()
    {
        _cycle.Dispose();
        _displays.Dispose();
    }

    /// <summary>A display that only notes when a frame arrived.</summary>
    private sealed class TimingSink(DisplayProfile profile) : IDisplaySink
    {
        public string Name => "timing";

        public int Width => profile.Width;

        public int Height => profile.Height;

        public long Presented { get; private set; }

        public long LastAt { get; private set; }

        // Every frame counts: the first frame of an eased transition may differ from the last by nothing visible,
        // but it is the frame the press produced.
        public void Present(Frame frame, IReadOnlyList<PixelRect> dirty)
        {
            LastAt = Stopwatch.GetTimestamp();
            Presented++;
        }

        public void Dispose()
        {
        }
    }
}
