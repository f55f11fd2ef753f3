namespace Kiosk.Render.Scenes;

/// <summary>
/// What to draw: the screen being left, the screen arrived at, and how far the transition has gone
/// (<see cref="T"/> from 0 to 1; 1 when at rest). Transitions are eased by the renderer, not here.
/// </summary>
public readonly record struct Scene(Screen From, Screen To, float T)
{
    public static Scene At(Screen screen) => new(screen, screen, 1f);

    /// <summary>Above zero: the idle time limit is near, and a notice over the screen counts down these seconds.</summary>
    public int IdleWarningSeconds { get; init; }

    /// <summary>Draw in the large-text theme (text 1.5x larger, contrast at least 7:1).</summary>
    public bool LargeText { get; init; }

    public bool IsAtRest => T >= 1f || From == To;
}
