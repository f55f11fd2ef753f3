using Kiosk.Content.Model;
using Kiosk.Render.Profiles;
using Kiosk.Render;
using Kiosk.Render.Scenes;

namespace Kiosk.Bench;

/// <summary>
/// The first render of a screen with cold caches: a new renderer (fonts, shapers, layers, node faces) per
/// <see cref="Run"/>, as after a pack swap, cycling through the screen kinds of the first case.
/// </summary>
public sealed class FirstRenderWorkload(PackContent pack, IReadOnlyDictionary<string, byte[]> fonts, DisplayProfile profile)
{
    private readonly Screen[] _screens =
    [
        Screen.Home(0),
        new(ScreenKind.CaseIntro, 0),
        new(ScreenKind.Phase, 0, 0),
        new(ScreenKind.Diagram, 0, 0),
        new(ScreenKind.Glossary, 0),
    ];

    private int _next;

    public long Run()
    {
        using var renderer = new SceneRenderer(pack, fonts, profile);
        var frame = renderer.Render(Scene.At(_screens[_next]));
        _next = (_next + 1) % _screens.Length;
        return frame.Sequence;
    }
}
