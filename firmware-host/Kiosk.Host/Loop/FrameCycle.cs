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
    private Frame? _black;
    private bool _blankShown;

    public FrameCycle(LoadedPack pack, NavigatorOptions options, CommandQueue commands, DisplaySet displays, DateTimeOffset now)
    {
        _commands = commands;
        _displays = displays;
        Navigator = new Navigator(pack.Content, options, now);
        _renderer = new SceneRenderer(pack.Content, pack.Fonts, displays.Profile, largeText: Navigator.LargeText);
        Navigator.Pages = (screen, largeText) => _renderer.PageCount(screen, largeText);
        Pack = pack;
    }

    public Navigator Navigator { get; }

    /// <summary>The pack being shown (swapped in by <see cref="Step"/>).</summary>
    public LoadedPack Pack { get; private set; }

    /// <summary>Frames rendered from <see cref="Pack"/> since it was swapped in.</summary>
    public long FramesOfPack { get; private set; }

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
            // Marked first, so a renderer that throws is blamed on the pack that brought it.
            Pack = freshPack;
            FramesOfPack = 0;
            var old = _renderer;
            _renderer = new SceneRenderer(freshPack.Content, freshPack.Fonts, _displays.Profile, largeText: Navigator.LargeText);
            Navigator.SwapPack(freshPack.Content);
            old.Dispose();
            _rendered = -1;
        }

        while (_commands.TryTake(out NavPress press))
        {
            Navigator.Apply(press.Command, now, press.Presenter);
            Presses++;
        }

        Navigator.Tick(now);
        if (Navigator.IsBlanked)
        {
            return ShowBlank();
        }

        bool unblanking = _blankShown;
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
        TestHooks.ThrowIfRenderHooked(Pack);
        var frame = _renderer.Render(Navigator.Current(now));

        // After a blank the glass is black whatever the renderer last drew, so the whole frame goes out.
        _displays.Present(frame, force: Frames == 0 || unblanking);
        if (unblanking)
        {
            _blankShown = false;
            _displays.SetBlanked(false);
        }

        Frames++;
        FramesOfPack++;
        return true;
    }

    /// <summary>A black frame (once per change) and the backlights off; the navigator keeps its place meanwhile.</summary>
    private bool ShowBlank()
    {
        var black = _black ??= BlackFrame(_displays.Profile.Width, _displays.Profile.Height);
        if (_blankShown && _rendered == Navigator.Version)
        {
            if (_displays.RetryDue)
            {
                _displays.Present(black, force: true);
            }

            return false;
        }

        _rendered = Navigator.Version;
        _blankShown = true;
        _displays.Present(black, force: true);
        _displays.SetBlanked(true);
        Frames++;
        return true;
    }

    private static Frame BlackFrame(int width, int height)
    {
        var frame = new Frame(width, height) { Sequence = -1 };

        // Opaque black in BGRA: only the alpha bytes are set.
        for (int i = 3; i < frame.Pixels.Length; i += 4)
        {
            frame.Pixels[i] = 0xff;
        }

        return frame;
    }

    public void Dispose() => _renderer.Dispose();
}
