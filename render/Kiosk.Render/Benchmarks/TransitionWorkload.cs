using Kiosk.Content.Model;
using Kiosk.Render.Frames;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;

namespace Kiosk.Render.Benchmarks;

/// <summary>
/// A diagram morph between two phases with warm caches, one frame per <see cref="Run"/>, stepping through the
/// transition. With <c>toRgb565</c> each frame's dirty rectangles are also converted for an SPI panel, as the
/// ST7789/ILI9341 sinks do before sending.
/// </summary>
public sealed class TransitionWorkload : IDisposable
{
    /// <summary>Frames per pass through the transition; t never reaches 1, so every frame is mid-morph.</summary>
    public const int Steps = 30;

    private readonly SceneRenderer _renderer;
    private readonly Screen _from;
    private readonly Screen _to;
    private readonly bool _toRgb565;
    private readonly byte[] _rgb565;
    private int _step;

    public TransitionWorkload(PackContent pack, IReadOnlyDictionary<string, byte[]> fonts, DisplayProfile profile, bool toRgb565)
    {
        _renderer = new SceneRenderer(pack, fonts, profile);
        (_from, _to) = MorphScreens(pack);
        _toRgb565 = toRgb565;
        _rgb565 = new byte[profile.Width * profile.Height * 2];
        for (int i = 0; i < Steps; i++)
        {
            Run();
        }
    }

    public SceneRenderer Renderer => _renderer;

    public Scene Morph(float t) => new(_from, _to, t);

    /// <summary>The first case with two phases, first phase to second: every pack worth benchmarking has one.</summary>
    public static (Screen From, Screen To) MorphScreens(PackContent pack)
    {
        int c = pack.Cases.ToList().FindIndex(x => x.Phases.Count >= 2);
        if (c < 0)
        {
            throw new ArgumentException("the pack has no case with two phases to morph between", nameof(pack));
        }

        return (new Screen(ScreenKind.Diagram, c, 0), new Screen(ScreenKind.Diagram, c, 1));
    }

    public long Run()
    {
        _step = (_step + 1) % Steps;
        var frame = _renderer.Render(new Scene(_from, _to, (_step + 0.5f) / Steps));
        if (_toRgb565)
        {
            foreach (var rect in frame.Dirty)
            {
                Rgb565.ConvertRect(frame, rect, _rgb565, bigEndian: true);
            }
        }

        return frame.Sequence;
    }

    public void Dispose() => _renderer.Dispose();
}
