using Kiosk.Content.Model;
using Kiosk.Render.Frames;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using SkiaSharp;

namespace Kiosk.Render;

/// <summary>
/// A contact sheet of every screen of every case at one profile, each labelled with its address, so a
/// curator can proof a whole pack on one page.
/// </summary>
public static class ProofSheet
{
    /// <summary>Every screen of the pack, with the further pages of a screen that needs more than one when <paramref name="pages"/> tells how many (a renderer's <see cref="SceneRenderer.PageCount"/>).</summary>
    public static IEnumerable<Screen> AllScreens(PackContent pack, Func<Screen, int>? pages = null)
    {
        foreach (var screen in AllFirstPages(pack))
        {
            yield return screen;
            int count = pages?.Invoke(screen) ?? 1;
            for (int page = 1; page < count; page++)
            {
                yield return screen with { Page = page };
            }
        }
    }

    /// <summary>Every screen and page of the renderer's pack as it draws them (its profile, its theme).</summary>
    public static IEnumerable<Screen> AllScreens(SceneRenderer renderer) => AllScreens(renderer.Pack, s => renderer.PageCount(s, renderer.LargeText));

    /// <summary>Every screen of the pack at its first page.</summary>
    private static IEnumerable<Screen> AllFirstPages(PackContent pack)
    {
        yield return Screen.Home(0);
        yield return new Screen(ScreenKind.Glossary, -1);
        for (int c = 0; c < pack.Cases.Count; c++)
        {
            yield return new Screen(ScreenKind.Attract, c);
            yield return new Screen(ScreenKind.CaseIntro, c);
            for (int p = 0; p < pack.Cases[c].Phases.Count; p++)
            {
                yield return new Screen(ScreenKind.Phase, c, p);
                yield return new Screen(ScreenKind.Diagram, c, p);
            }

            if (pack.Cases[c].Comparison is not null)
            {
                yield return new Screen(ScreenKind.Comparison, c);
            }

            yield return new Screen(ScreenKind.Glossary, c);
        }
    }

    public static byte[] Render(SceneRenderer renderer, int columns = 6, int thumbWidth = 480)
    {
        var pack = renderer.Pack;
        var screens = AllScreens(renderer).ToList();
        var profile = renderer.Profile;
        float scale = Math.Min(1f, thumbWidth / (float)profile.Width);
        int tw = (int)(profile.Width * scale), th = (int)(profile.Height * scale);
        int label = 22, pad = 12;
        int rows = (screens.Count + columns - 1) / columns;
        var info = new SKImageInfo((columns * (tw + pad)) + pad, (rows * (th + label + pad)) + pad, SKColorType.Bgra8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0x30, 0x30, 0x30));
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var face = SKTypeface.FromData(SKData.CreateCopy(pack.Cases.Count > 0 ? FontBytes(renderer) : []));
        using var font = new SKFont(face, 15);
        for (int i = 0; i < screens.Count; i++)
        {
            var frame = renderer.Render(Scene.At(screens[i]) with { LargeText = renderer.LargeText });
            int x = pad + ((i % columns) * (tw + pad)), y = pad + ((i / columns) * (th + label + pad));
            using (var pixmap = new SKPixmap(new SKImageInfo(frame.Width, frame.Height, SKColorType.Bgra8888, SKAlphaType.Opaque), System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(frame.Pixels, 0), frame.Stride))
            using (var image = SKImage.FromPixels(pixmap))
            {
                canvas.DrawImage(image, new SKRect(x, y, x + tw, y + th), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            }

            canvas.DrawText(ScreenAddress.Format(screens[i], pack), x, y + th + 17, font, text);
        }

        using var png = surface.Snapshot().Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static byte[] FontBytes(SceneRenderer renderer) => renderer.LatinFont;
}
