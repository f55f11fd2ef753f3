namespace Kiosk.Render.Scenes;

/// <summary>
/// What to draw: the screen being left, the screen arrived at, and how far the transition has gone
/// (<see cref="T"/> from 0 to 1; 1 when at rest). Transitions are eased by the renderer, not here.
/// </summary>
public readonly record struct Scene(Screen From, Screen To, float T)
{
    public static Scene At(Screen screen) => new(screen, screen, 1f);

    public bool IsAtRest => T >= 1f || From == To;
}
