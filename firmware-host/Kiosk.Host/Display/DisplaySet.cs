using Kiosk.Host.Display;
using Kiosk.Host.Display.Preview;
using Kiosk.Render.Frames;
using Kiosk.Render.Profiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Host.Display;

/// <summary>
/// The displays frames go to (the configured one, and the web preview when it is the display), each behind a
/// <see cref="SinkGuard"/>, and the layout profile they share.
/// </summary>
public sealed class DisplaySet : IDisposable
{
    /// <summary>How long every display may fail before the watchdog stops being fed and systemd restarts us.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    /// <summary>How long an exit waits for the console to be covered before it puts the console back.</summary>
    private static readonly TimeSpan ConsoleWait = TimeSpan.FromSeconds(10);

    private readonly List<SinkGuard> _guards = [];
    private readonly Task<IDisposable?>? _console;

    public DisplaySet(IOptions<DisplayOptions> display, DisplaySinkFactory factory, PreviewSink preview, TimeProvider time, ILogger<DisplaySet> logger)
    {
        var options = display.Value;
        if (options.IsPreview)
        {
            _guards.Add(new SinkGuard(preview, time, logger));
            Profile = options.LayoutProfile;
        }
        else
        {
            if (DisplaySpec.Parse(options.Spec).Kind == DisplayKind.Png)
            {
                options.Width ??= options.LayoutProfile.Width;
                options.Height ??= options.LayoutProfile.Height;
            }

            var kind = DisplaySpec.Parse(options.Spec).Kind;
            // A virtual terminal goes into graphics mode under the kernel's console lock, which the console's own
            // drawing can hold while a slow machine boots. A DRM display scans out its own buffers whatever the
            // console draws into its own, so it opens beside that wait; a framebuffer shares its pixels with the
            // console, so the console is covered first. (A 5.4 s wait once blamed on the console lock here was
            // most likely the kernel zeroing the DRM buffers: see DrmSink.)
            _console = Task.Run(() =>
            {
                var covered = factory.CoverConsole(kind, out string console);
                if (console.Length > 0)
                {
                    logger.LogInformation("{Message}", console);
                }

                return covered;
            });
            if (kind != DisplayKind.Drm)
            {
                _console.Wait();
            }

            IDisplaySink sink;
            try
            {
                sink = factory.Create(options) ?? throw new InvalidOperationException($"display '{options.Spec}' could not be created");
            }
            catch
            {
                // The kiosk exits on this: the console goes back to text, for the message and for staff.
                UncoverConsole();
                throw;
            }

            _guards.Add(new SinkGuard(sink, time, logger));
            Profile = DisplayProfile.Known.FirstOrDefault(p => p.Width == sink.Width && p.Height == sink.Height) ?? new DisplayProfile($"{sink.Width}x{sink.Height}", sink.Width, sink.Height);
        }
    }

    /// <summary>Displays given directly (benchmarks, tests): the profile is the first display's size.</summary>
    public DisplaySet(IEnumerable<IDisplaySink> sinks, DisplayProfile profile, TimeProvider time, ILogger logger)
    {
        _guards.AddRange(sinks.Select(s => new SinkGuard(s, time, logger)));
        Profile = profile;
    }

    public DisplayProfile Profile { get; }

    public void Present(Frame frame, bool force)
    {
        foreach (var guard in _guards)
        {
            guard.TryPresent(frame, force);
        }
    }

    /// <summary>
    /// Tells every display that can (<see cref="IBlankable"/>) that the screen is blanked or back. A display that
    /// fails at it still shows the black frame, so the failure is only logged.
    /// </summary>
    public void SetBlanked(bool blanked)
    {
        foreach (var guard in _guards)
        {
            guard.TrySetBlanked(blanked);
        }
    }

    /// <summary>A failed display is due another try; it needs a frame even if nothing on screen changed.</summary>
    public bool RetryDue => _guards.Exists(g => g.RetryDue);

    public bool AnyUsable(TimeProvider time) =>
        _guards.Exists(g => g.FailingSince is not { } since || time.GetElapsedTime(since) < GiveUpAfter);

    /// <summary>Each display's health and last accepted frame, for the status file.</summary>
    public IReadOnlyList<SinkGuard> Guards => _guards;

    public string Describe() => string.Join(", ", _guards.Select(g => g.Sink.Name));

    public void Dispose()
    {
        foreach (var guard in _guards)
        {
            guard.Sink.Dispose();
        }

        UncoverConsole();
    }

    /// <summary>Puts the console back as found, once covering it has finished; one that never answers is left to TTYReset.</summary>
    private void UncoverConsole()
    {
        if (_console is not null && _console.Wait(ConsoleWait) && _console.Result is { } covered)
        {
            covered.Dispose();
        }
    }
}
