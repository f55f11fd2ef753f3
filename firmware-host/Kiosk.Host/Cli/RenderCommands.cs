using System.CommandLine;
using Kiosk.Content.Diagnostics;
using Kiosk.Content.Packing;
using Kiosk.Host.Packs;
using Kiosk.Render;
using Kiosk.Render.Frames;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;

namespace Kiosk.Host.Cli;

/// <summary><c>kiosk render</c> (one screen to PNG) and <c>kiosk proof</c> (a labelled sheet of every screen).</summary>
internal static class RenderCommands
{
    public static Command Render(CliConsole console)
    {
        var pack = PackOption();
        var profile = ProfileOption();
        var screen = new Option<string>("--screen") { Description = "home, about, <case>, <case>/<phase>[/diagram], <case>/glossary, <case>/comparison, attract/<case>", DefaultValueFactory = _ => "home" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "PNG file to write", Required = true };
        var large = LargeTextOption();
        var idle = new Option<int>("--idle-warning") { Description = "Draw the idle warning over the screen, counting down these seconds (0: none)" };
        var command = new Command("render", "Render one screen of a pack to a PNG") { pack, profile, screen, output, large, idle };
        command.SetAction(result => Run(console, result.GetValue(pack), result.GetValue(profile)!, result.GetValue(large), (p, renderer) =>
        {
            var target = ScreenAddress.Parse(result.GetValue(screen)!, p.Content);
            var frame = renderer.Render(Scene.At(target) with { LargeText = renderer.LargeText, IdleWarningSeconds = Math.Max(0, result.GetValue(idle)) });
            string path = result.GetValue(output)!.FullName;
            WriteFile(path, FramePng.Encode(frame));
            console.Out.WriteLine($"{path}: {ScreenAddress.Format(target, p.Content)} at {renderer.Profile.Name}");
            return Overflows(console, renderer);
        }));
        return command;
    }

    public static Command Proof(CliConsole console)
    {
        var pack = PackOption();
        var profile = ProfileOption();
        var output = new Option<FileInfo>("--output", "-o") { Description = "PNG contact sheet to write", Required = true };
        var large = LargeTextOption();
        var command = new Command("proof", "Render every screen of every case onto one labelled contact sheet") { pack, profile, output, large };
        command.SetAction(result => Run(console, result.GetValue(pack), result.GetValue(profile)!, result.GetValue(large), (p, renderer) =>
        {
            string path = result.GetValue(output)!.FullName;
            WriteFile(path, ProofSheet.Render(renderer));
            console.Out.WriteLine($"{path}: {ProofSheet.AllScreens(renderer).Count()} screens at {renderer.Profile.Name}");
            return Overflows(console, renderer);
        }));
        return command;
    }

    /// <summary>Writes an image, making its folder first (<c>-o out/proofs/x.png</c> in a fresh checkout).</summary>
    private static void WriteFile(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    internal static Option<FileInfo?> PackOption() => new("--pack") { Description = $"Pack file (default: the built-in pack, {BuiltinPack.FileName})" };

    private static Option<string> ProfileOption() => new("--profile") { Description = "Display profile WIDTHxHEIGHT: 1920x1080, 800x480, 480x320, 320x240", DefaultValueFactory = _ => "1920x1080" };

    private static Option<bool> LargeTextOption() => new("--large-text") { Description = "Use the large-text theme (text 1.5x larger, contrast at least 7:1)" };

    private static int Run(CliConsole console, FileInfo? packFile, string profileText, bool largeText, Func<LoadedPack, SceneRenderer, int> body)
    {
        string path = packFile?.FullName ?? BuiltinPack.Path;
        try
        {
            var profile = DisplayProfile.Parse(profileText);
            var pack = PackReader.Read(path);
            using var renderer = new SceneRenderer(pack.Content, pack.Fonts, profile, largeText: largeText);
            return body(pack, renderer);
        }
        catch (ContentException ex)
        {
            return PackCommands.Fail(console, ex.Diagnostics, $"{path}: cannot be read");
        }
        catch (FormatException ex)
        {
            console.Error.WriteLine($"kiosk: {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>
    /// Text cut to fit is a content problem a curator must see, so it is reported on stderr; the render itself
    /// succeeded, so the exit code stays 0 (<c>pack build --check-fit</c> is where a cut refuses).
    /// </summary>
    private static int Overflows(CliConsole console, SceneRenderer renderer)
    {
        foreach (string o in renderer.Overflows.Distinct())
        {
            console.Error.WriteLine($"warning: text cut to fit: {SafeText.Escape(o)}");
        }

        return ExitCodes.Ok;
    }
}
