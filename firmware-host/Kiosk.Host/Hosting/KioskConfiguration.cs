using System.Net;
using Kiosk.Host.Display;
using Kiosk.Host.Navigation;
using Kiosk.Render.Profiles;
using Microsoft.Extensions.Configuration;

namespace Kiosk.Host.Hosting;

/// <summary>
/// Reads and checks every setting before anything starts, so a bad kiosk.json is refused at once with the key
/// named (<c>Kiosk:Display: ...</c>) instead of failing later on a gallery wall.
/// </summary>
public sealed class KioskConfiguration
{
    private static readonly string[] KnownSections = [KioskOptions.SectionName, PreviewOptions.SectionName, DisplayOptions.SectionName, NavigatorOptions.SectionName, "Gpio", "Evdev", "Logging"];

    private KioskConfiguration(KioskOptions kiosk, PreviewOptions preview, DisplayOptions display, NavigatorOptions navigator, DisplayProfile profile, IConfiguration root)
    {
        Kiosk = kiosk;
        Preview = preview;
        Display = display;
        Navigator = navigator;
        Profile = profile;
        Root = root;
    }

    public KioskOptions Kiosk { get; }

    public PreviewOptions Preview { get; }

    public DisplayOptions Display { get; }

    public NavigatorOptions Navigator { get; }

    /// <summary>The layout profile for displays without their own size.</summary>
    public DisplayProfile Profile { get; }

    public IConfiguration Root { get; }

    public bool PreviewEnabled => DisplaySpec.TryParse(Kiosk.Display, out var spec, out _) && spec.Kind == DisplayKind.Preview;

    /// <summary>Binds and validates; throws <see cref="KioskConfigurationException"/> listing every bad key.</summary>
    public static KioskConfiguration Load(IConfiguration root)
    {
        var errors = new List<string>();
        foreach (var section in root.GetChildren())
        {
            if (Array.IndexOf(KnownSections, section.Key) < 0)
            {
                errors.Add($"{section.Key}: unknown setting (known sections: {string.Join(", ", KnownSections)})");
            }
        }

        var kiosk = Bind<KioskOptions>(root, KioskOptions.SectionName, errors);
        var preview = Bind<PreviewOptions>(root, PreviewOptions.SectionName, errors);
        var display = Bind<DisplayOptions>(root, DisplayOptions.SectionName, errors);
        var navigator = Bind<NavigatorOptions>(root, NavigatorOptions.SectionName, errors);
        display.Spec = kiosk.Display;
        // The display spec lives at Kiosk:Display in kiosk.json; its other settings in DisplayOptions.
        errors.AddRange(display.Validate().Select(e => e.StartsWith(DisplayOptions.SectionName, StringComparison.Ordinal) ? e
            : e.StartsWith(DisplayOptions.SpecKey + ":", StringComparison.Ordinal) ? $"{KioskOptions.SectionName}:{e}"
            : $"{KioskOptions.SectionName}:Display: {e}"));
        errors.AddRange(navigator.GetErrors().Select(e => $"{NavigatorOptions.SectionName}: {e}"));

        DisplayProfile profile = DisplayProfile.Hdmi;
        try
        {
            profile = DisplayProfile.Parse(kiosk.Profile);
        }
        catch (FormatException ex)
        {
            errors.Add($"{KioskOptions.SectionName}:Profile: {ex.Message}");
        }

        if (kiosk.MaxFps is < 1 or > 120)
        {
            errors.Add($"{KioskOptions.SectionName}:MaxFps: must be 1 to 120, not {kiosk.MaxFps}");
        }

        if (kiosk.PackPollInterval < TimeSpan.FromMilliseconds(100))
        {
            errors.Add($"{KioskOptions.SectionName}:PackPollInterval: must be at least 100 ms");
        }

        for (int i = 0; i < kiosk.Inputs.Count; i++)
        {
            string input = kiosk.Inputs[i];
            if (input != "gpio" && !(input.StartsWith("evdev:/", StringComparison.Ordinal) && input.Length > 7))
            {
                errors.Add($"{KioskOptions.SectionName}:Inputs:{i}: '{input}' is not an input (gpio or evdev:/dev/input/eventN)");
            }
        }

        CheckPreview(preview, errors);
        if (errors.Count > 0)
        {
            throw new KioskConfigurationException(errors);
        }

        return new KioskConfiguration(kiosk, preview, display, navigator, profile, root);
    }

    private static void CheckPreview(PreviewOptions preview, List<string> errors)
    {
        if (!Uri.TryCreate(preview.Url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            errors.Add($"{PreviewOptions.SectionName}:Url: '{preview.Url}' is not an http:// URL");
            return;
        }

        bool loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback && !preview.AllowRemote)
        {
            errors.Add($"{PreviewOptions.SectionName}:Url: '{preview.Url}' is not a loopback address; the preview controls the exhibit, so set {PreviewOptions.SectionName}:AllowRemote to true to bind it there");
        }

        if (preview.MaxFps is < 1 or > 60)
        {
            errors.Add($"{PreviewOptions.SectionName}:MaxFps: must be 1 to 60, not {preview.MaxFps}");
        }
    }

    private static T Bind<T>(IConfiguration root, string section, List<string> errors)
        where T : new()
    {
        var options = new T();
        try
        {
            root.GetSection(section).Bind(options, b => b.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the property and the value it could not use, or the unknown key.
            // The outer message names the key ("... at 'Kiosk:MaxFps' ..."), the inner one what was wrong with its value.
            string detail = ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message;
            errors.Add($"{section}: {detail}");
        }

        return options;
    }
}

public sealed class KioskConfigurationException(IReadOnlyList<string> errors)
    : Exception("invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
