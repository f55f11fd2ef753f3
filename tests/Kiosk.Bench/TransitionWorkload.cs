using Kiosk.Content.Model;
using Kiosk.Render;
using Kiosk.Render.Frames;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;

namespace Kiosk.Bench;

/// <summary>
/// One transition with warm caches, one frame per <see cref="Run"/>, stepping through it. With <c>toRgb565</c>
/// each frame's dirty rectangles are also converted for an SPI panel, as the ST7789/ILI9341 sinks do before
/// sending.
/// </summary>
public sealed class TransitionWorkload : IDisposable
{
    /// <summary>Frames per pass through the transition; t never reaches 1, so every frame is mid-transition.</summary>
    public const int Steps = 30;

    private readonly SceneRenderer _renderer;
    private readonly TransitionKind _kind;
    private readonly bool _toRgb565;
    private readonly byte[] _rgb565;
    private int _step;

    public TransitionWorkload(PackContent pack, IReadOnlyDictionary<string, byte[]> fonts, DisplayProfile profile, bool toRgb565, TransitionKind? kind = null)
    {
        _renderer = new SceneRenderer(pack, fonts, profile);
        _kind = kind ?? TransitionKind.Morph(pack);
        _toRgb565 = toRgb565;
        _rgb565 = new byte[profile.Width * profile.Height * 2];
        for (int i = 0; i < Steps; i++)
        {
            Run();
        }
    }

    public SceneRenderer Renderer => _renderer;

    public TransitionKind Kind => _kind;

    public Scene At(float t) => new(_kind.From, _kind.To, t);

    public long Run()
    {
        _step = (_step + 1) % Steps;
        var frame = _renderer.Render(At((_step + 0.5f) / Steps));
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
