using Kiosk.Content.Packing;
using Kiosk.Render;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;

namespace Kiosk.Host.Cli;

/// <summary>
/// Asks the renderer whether a pack's text fits: every screen at every known profile, in the normal and the
/// large-text theme, listing what had to be cut. Lives in the host because content/ must not depend on the renderer.
/// </summary>
internal static class TextFitCheck
{
    public static IReadOnlyList<string> Run(string packPath)
    {
        var pack = PackReader.Read(packPath);
        var cut = new List<string>();
        foreach (var profile in DisplayProfile.Known)
        {
            using var renderer = new SceneRenderer(pack.Content, pack.Fonts, profile);
            foreach (bool large in (bool[])[false, true])
            {
                renderer.LargeText = large;
                foreach (var screen in ProofSheet.AllScreens(renderer).ToList())
                {
                    renderer.Render(Scene.At(screen) with { LargeText = large });
                }
            }

            cut.AddRange(renderer.Overflows.Distinct());
        }

        return cut;
    }
}
