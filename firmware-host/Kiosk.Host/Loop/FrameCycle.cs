using Kiosk.Content.Packing;
using Kiosk.Host.Navigation;
using Kiosk.Render;
using Kiosk.Render.Frames;
using Kiosk.Host.Input;
using Kiosk.Host.Display;

namespace Kiosk.Host.Loop;

/// <summary>
/// One turn of the frame loop, with no waiting in it: swap in a new pack, apply queued commands, tick the
/// navigator, render if anything changed and present to the displays. The frame loop and the latency
/// benchmark both run exactly this.
/// </summary>
public sealed class FrameCycle : IDisposable
{
    private readonly CommandQueue _commands;
    private readonly DisplaySet _displays;
    private SceneRenderer _renderer;
    private long _rendered = -1;

    public FrameCycle(LoadedPack pack, NavigatorOptions options, CommandQueue commands, DisplaySet displays, DateTimeOffset now)
    {
        _commands = commands;
        _displays = displays;
        Navigator = new Navigator(pack.Content, options, now);
        _renderer = new SceneRenderer(pack.Content, pack.Fonts, displays.Profile);
    }

    public Navigator Navigator { get; }

    /// <summary>Frames rendered so far.</summary>
    public long Frames { get; private set; }

    /// <summary>Commands (button presses, keys, preview clicks) applied so far.</summary>
    public long Presses { get; private set; }

    /// <summary>The frame presented last, or null before the first; its buffer is reused by the next render.</summary>
    public Frame? LastFrame => _renderer.Current;

    /// <summary>Runs one turn; returns true when a frame was rendered and presented.</summary>
    public bool Step(DateTimeOffset now, LoadedPack? freshPack = null)
    {
        if (freshPack is not null)
        {
            var old = _renderer;
            _renderer = new SceneRenderer(freshPack.Content, freshPack.Fonts, _displays.Profile);
            Navigator.SwapPack(freshPack.Content);
            old.Dispose();
        }

        while (_commands.TryTake(out var command))
        {
            Navigator.Apply(command, now);
            Presses++;
        }

        Navigator.Tick(now);
        if (!Navigator.NeedsFrame(_rendered, now))
        {
            // A display that failed gets the picture again when its retry is due, not at the next change.
            if (_displays.RetryDue && _renderer.Current is { } last)
            {
                _displays.Present(last, force: false);
            }

            return false;
        }

        _rendered = Navigator.Version;
        var frame = _renderer.Render(Navigator.Current(now));
        _displays.Present(frame, force: Frames == 0);
        Frames++;
        return true;
    }

    public void Dispose() => _renderer.Dispose();
}
