namespace Kiosk.Render.Layout;

/// <summary>Transition curves: motion starts and ends gently, which reads as calm on a gallery wall.</summary>
public static class Easing
{
    public static float InOutCubic(float t)
    {
        t = Math.Clamp(t, 0f, 1f);
        return t < 0.5f ? 4 * t * t * t : 1 - (MathF.Pow((-2 * t) + 2, 3) / 2);
    }

    /// <summary>The progress at which <see cref="InOutCubic"/> reaches <paramref name="y"/>.</summary>
    public static float InverseInOutCubic(float y)
    {
        y = Math.Clamp(y, 0f, 1f);
        return y < 0.5f ? MathF.Cbrt(y / 4) : 1 - (MathF.Cbrt(2 * (1 - y)) / 2);
    }
}
