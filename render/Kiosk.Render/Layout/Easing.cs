namespace Kiosk.Render.Layout;

/// <summary>Transition curves: motion starts and ends gently, which reads as calm on a gallery wall.</summary>
public static class Easing
{
    public static float InOutCubic(float t)
    {
        t = Math.Clamp(t, 0f, 1f);
        return t < 0.5f ? 4 * t * t * t : 1 - (MathF.Pow((-2 * t) + 2, 3) / 2);
    }
}
