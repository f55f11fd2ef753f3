using System.Net;
using Kiosk.Host.Display;
using Kiosk.Host.Display.Preview;
using Kiosk.Host.Input;
using Kiosk.Host.Loop;
using Kiosk.Host.Navigation;
using Kiosk.Host.Packs;
using Kiosk.Host.Status;
using Kiosk.Render.Profiles;
using Microsoft.Extensions.Configuration;

namespace Kiosk.Host.Settings;

/// <summary>
/// Every section of kiosk.json bound and checked in one pass before anything starts, so a bad value is refused
/// at once with its key named (<c>Gpio:Pins:Next: ...</c>) instead of failing later on a gallery wall. Each
/// section's own rules live beside the section's options (<c>Validate()</c>); this class binds, runs them all,
/// prefixes each message with its section and throws one <see cref="KioskSettingsException"/> listing them.
/// </summary>
public sealed class KioskSettings
{
    public const string GpioSection = "Gpio";
    public const string EvdevSection = "Evdev";

    /// <summary>Upper bound for Kiosk:PackPollInterval: beyond an hour a new pack would seem never to arrive.</summary>
    public static readonly TimeSpan MaxPackPollInterval = TimeSpan.FromHours(1);

    private static readonly string[] KnownSections = [KioskOptions.SectionName, PreviewOptions.SectionName, DisplayOptions.SectionName, NavigatorOptions.SectionName, GpioSection, EvdevSection, StatusOptions.SectionName, "Logging"];

    private KioskSettings(KioskOptions kiosk, PreviewOptions preview, DisplayOptions display, NavigatorOptions navigator, GpioButtonOptions gpio, EvdevKeyOptions evdev, StatusOptions status, DisplayProfile profile)
    {
        Status = status;
        Kiosk = kiosk;
        Preview = preview;
        Display = display;
        Navigator = navigator;
        Gpio = gpio;
        Evdev = evdev;
        Profile = profile;
    }

    public KioskOptions Kiosk { get; }

    public PreviewOptions Preview { get; }

    public DisplayOptions Display { get; }

    public NavigatorOptions Navigator { get; }

    public GpioButtonOptions Gpio { get; }

    /// <summary>The evdev section; each <c>evdev:PATH</c> input uses it with its own device path.</summary>
    public EvdevKeyOptions Evdev { get; }

    /// <summary>The layout profile for displays without their own size.</summary>
    public DisplayProfile Profile { get; }

    /// <summary>The status file's write interval and where the Pi's health is read.</summary>
    public StatusOptions Status { get; }

    public bool PreviewEnabled => Display.IsPreview;

    /// <summary>The inputs to run: <c>Kiosk:Inputs</c>, or every keyboard when none are listed.</summary>
    public IReadOnlyList<string> Inputs => Kiosk.Inputs.Count > 0 ? Kiosk.Inputs : [KeyboardsInput];

    /// <summary>The input that reads every keyboard-like device and follows them as they are plugged in and out.</summary>
    public const string KeyboardsInput = "keyboards";

    /// <summary>What the frame loop needs from these settings.</summary>
    public FrameLoopOptions FrameLoop => new() { MaxFps = Kiosk.MaxFps };

    /// <summary>What the pack watcher needs from these settings.</summary>
    public PackWatcherOptions PackWatcher => new() { Pack = Kiosk.Pack, Store = Kiosk.Store, PollInterval = Kiosk.PackPollInterval, TrialTimeout = Kiosk.TrialTimeout };

    /// <summary>Binds and validates every section; throws <see cref="KioskSettingsException"/> listing every bad key.</summary>
    public static KioskSettings Load(IConfiguration root)
    {
        var errors = new List<string>();
        foreach (var section in root.GetChildren())
        {
            if (Array.IndexOf(KnownSections, section.Key) < 0)
            {
                errors.Add($"{section.Key}: unknown setting (known sections: {string.Join(", ", KnownSections)})");
            }
        }

        // Each call binds a concrete type, so the configuration binder's source generator writes the binding code
        // (no reflection at start: on a slow core, or emulated, the reflection binder cost seconds).
        var kiosk = Bind(root, KioskOptions.SectionName, errors, new KioskOptions(), static (c, o) => c.Bind(o, Strict), null, nameof(KioskOptions.Inputs));
        var preview = Bind(root, PreviewOptions.SectionName, errors, new PreviewOptions(), static (c, o) => c.Bind(o, Strict));
        var display = Bind(root, DisplayOptions.SectionName, errors, new DisplayOptions(), static (c, o) => c.Bind(o, Strict));
        var navigator = Bind(root, NavigatorOptions.SectionName, errors, new NavigatorOptions(), static (c, o) => c.Bind(o, Strict));
        var gpio = Bind(root, GpioSection, errors, new GpioButtonOptions(), static (c, o) => c.Bind(o, Strict), (o, _) => o.Pins.Clear(), nameof(GpioButtonOptions.Pins));
        var evdev = Bind(root, EvdevSection, errors, new EvdevKeyOptions(), static (c, o) => c.Bind(o, Strict), ClearEvdevDefault,
            nameof(EvdevKeyOptions.Keys), nameof(EvdevKeyOptions.ShiftKeys), nameof(EvdevKeyOptions.LectureKeys));
        var status = Bind(root, StatusOptions.SectionName, errors, new StatusOptions(), static (c, o) => c.Bind(o, Strict));

        // The display spec lives at Kiosk:Display in kiosk.json; its other settings in DisplayOptions.
        kiosk.Display = DisplayDefault.Resolve(kiosk.Display);
        display.Spec = kiosk.Display;
        errors.AddRange(display.Validate().Select(e => e.StartsWith(DisplayOptions.SectionName, StringComparison.Ordinal) ? e
            : e.StartsWith(DisplayOptions.SpecKey + ":", StringComparison.Ordinal) ? $"{KioskOptions.SectionName}:{e}"
            : $"{KioskOptions.SectionName}:Display: {e}"));
        errors.AddRange(navigator.Validate().Select(e => $"{NavigatorOptions.SectionName}:{e}"));
        errors.AddRange(gpio.Validate().Select(e => $"{GpioSection}:{e}"));
        errors.AddRange(evdev.Validate().Select(e => $"{EvdevSection}:{e}"));
        errors.AddRange(status.Validate().Select(e => $"{StatusOptions.SectionName}:{e}"));

        DisplayProfile profile = DisplayProfile.Hdmi;
        try
        {
            profile = DisplayProfile.Parse(kiosk.Profile);
        }
        catch (FormatException ex)
        {
            errors.Add($"{KioskOptions.SectionName}:Profile: {ex.Message}");
        }

        display.WithLayoutProfile(profile);
        CheckKiosk(kiosk, errors);
        CheckPreview(preview, errors);
        if (errors.Count > 0)
        {
            throw new KioskSettingsException(errors);
        }

        return new KioskSettings(kiosk, preview, display, navigator, gpio, evdev, status, profile);
    }

    private static void CheckKiosk(KioskOptions kiosk, List<string> errors)
    {
        if (kiosk.MaxFps is < 1 or > 120)
        {
            errors.Add($"{KioskOptions.SectionName}:MaxFps: must be 1 to 120, not {kiosk.MaxFps}");
        }

        if (kiosk.PackPollInterval < TimeSpan.FromMilliseconds(100) || kiosk.PackPollInterval > MaxPackPollInterval)
        {
            errors.Add($"{KioskOptions.SectionName}:PackPollInterval: must be 100 ms to {MaxPackPollInterval:hh\\:mm\\:ss}, not {kiosk.PackPollInterval}");
        }

        if (kiosk.TrialTimeout < TimeSpan.FromSeconds(1) || kiosk.TrialTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{KioskOptions.SectionName}:TrialTimeout: must be 1 s to 10 min, not {kiosk.TrialTimeout}");
        }

        for (int i = 0; i < kiosk.Inputs.Count; i++)
        {
            string input = kiosk.Inputs[i];
            if (input != "gpio" && input != KeyboardsInput && !(input.StartsWith("evdev:/", StringComparison.Ordinal) && input.Length > 7))
            {
                errors.Add($"{KioskOptions.SectionName}:Inputs:{i}: '{input}' is not an input (gpio, {KeyboardsInput} or evdev:/dev/input/...)");
            }
            else if (kiosk.Inputs.IndexOf(input) < i)
            {
                errors.Add($"{KioskOptions.SectionName}:Inputs:{i}: '{input}' is listed twice; each press would count twice");
            }
        }

        int keyboards = kiosk.Inputs.IndexOf(KeyboardsInput);
        if (keyboards >= 0 && kiosk.Inputs.Exists(i => i.StartsWith("evdev:", StringComparison.Ordinal)))
        {
            // Both would read the same device and every press would count twice.
            errors.Add($"{KioskOptions.SectionName}:Inputs:{keyboards}: '{KeyboardsInput}' already reads every keyboard; to read only some, list them as evdev:PATH entries instead");
        }
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

    private static readonly Action<BinderOptions> Strict = b => b.ErrorOnUnknownConfiguration = true;

    private static void ClearEvdevDefault(EvdevKeyOptions options, string key)
    {
        switch (key)
        {
            case nameof(EvdevKeyOptions.Keys):
                options.Keys.Clear();
                break;
            case nameof(EvdevKeyOptions.ShiftKeys):
                options.ShiftKeys.Clear();
                break;
            default:
                options.LectureKeys.Clear();
                break;
        }
    }

    /// <summary>
    /// Binds <paramref name="options"/> from a section, refusing unknown keys. The binder merges into dictionaries,
    /// so where a site lists its own map (pins, keys) <paramref name="clearDefaults"/> empties the defaults first:
    /// a site that lists its own pins means exactly those pins.
    /// </summary>
    private static T Bind<T>(IConfiguration root, string section, List<string> errors, T options, Action<IConfiguration, T> bind, Action<T, string>? clearDefaults = null, params string[] mapKeys)
    {
        var config = root.GetSection(section);
        foreach (string mapKey in mapKeys)
        {
            // The generated binder skips a single value where a list or map belongs; the reflection one refused it.
            // An empty JSON list or object ("Inputs": []) reaches configuration as an empty value: not a mistake.
            if (config.GetSection(mapKey).Value is { Length: > 0 } single)
            {
                errors.Add($"{section}:{mapKey}: must be a list or map of entries, not the single value '{single}'");
            }

            if (clearDefaults is not null && config.GetSection(mapKey).GetChildren().Any())
            {
                clearDefaults(options, mapKey);
            }
        }

        try
        {
            bind(config, options);
        }
        catch (InvalidOperationException ex)
        {
            // The outer message names the key ("... at 'Kiosk:MaxFps' ..."), the inner one what was wrong with its value.
            string detail = ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message;
            errors.Add($"{section}: {detail}");
        }

        return options;
    }
}
