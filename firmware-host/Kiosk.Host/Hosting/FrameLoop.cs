using Kiosk.Content.Packing;
using Kiosk.Host.Navigation;
using Kiosk.Render;
using Kiosk.Render.Profiles;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace Kiosk.Host.Hosting;

/// <summary>
/// Where a press becomes pixels: takes commands from the queue, steps the navigator, renders only when
/// something changed (at most MaxFps while a transition plays), hands each display the changed rectangles,
/// swaps in new packs between frames, and tells systemd it is ready (after the first frame) and alive.
/// </summary>
public sealed class FrameLoop : BackgroundService
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan WatchdogEvery = TimeSpan.FromSeconds(1);

    private readonly KioskConfiguration _config;
    private readonly CommandQueue _commands;
    private readonly PackWatcher _packs;
    private readonly DisplaySet _displays;
    private readonly TimeProvider _time;
    private readonly ISystemdNotifier? _systemd;
    private readonly ILogger<FrameLoop> _logger;
    private readonly long _start;
    private readonly TaskCompletionSource _firstFrame = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Navigator _navigator = null!;
    private SceneRenderer _renderer = null!;
    private long _lastWatchdog;

    public FrameLoop(KioskConfiguration config, CommandQueue commands, PackWatcher packs, DisplaySet displays, TimeProvider time, ILogger<FrameLoop> logger, ISystemdNotifier? systemd = null)
    {
        _config = config;
        _commands = commands;
        _packs = packs;
        _displays = displays;
        _time = time;
        _systemd = systemd;
        _logger = logger;
        _start = time.GetTimestamp();
    }

    /// <summary>Completes when the first frame has reached the displays.</summary>
    public Task FirstFrame => _firstFrame.Task;

    /// <summary>Frames rendered so far (for logs and tests).</summary>
    public long Frames { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var pack = _packs.Initial;
        _navigator = new Navigator(pack.Content, _config.Navigator, Now());
        _renderer = CreateRenderer(pack);
        long rendered = -1;
        var frameInterval = TimeSpan.FromSeconds(1.0 / _config.Kiosk.MaxFps);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                long frameStart = _time.GetTimestamp();
                var now = Now();
                if (_packs.TryTake(out var fresh))
                {
                    SwapPack(fresh);
                }

                while (_commands.TryTake(out var command))
                {
                    _navigator.Apply(command, now);
                }

                _navigator.Tick(now);
                if (_navigator.NeedsFrame(rendered, now))
                {
                    rendered = _navigator.Version;
                    var frame = _renderer.Render(_navigator.Current(now));
                    _displays.Present(frame, force: Frames == 0);
                    Frames++;
                    if (Frames == 1)
                    {
                        _systemd?.Notify(ServiceState.Ready);
                        _firstFrame.TrySetResult();
                        _logger.LogInformation("first frame on {Displays}", _displays.Describe());
                    }
                }

                PingWatchdog();
                if (_navigator.IsAnimating(Now()))
                {
                    var wait = frameInterval - _time.GetElapsedTime(frameStart);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _time, stoppingToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    await WaitForCommand(stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _renderer.Dispose();
        }
    }

    private async Task WaitForCommand(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(IdleWait);
        try
        {
            await _commands.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Idle timeout: loop round to tick the attract loop and check the displays.
        }
    }

    /// <summary>Alive means frames can still reach a display; if none can, systemd restarts us.</summary>
    private void PingWatchdog()
    {
        if (_systemd is null || _time.GetElapsedTime(_lastWatchdog) < WatchdogEvery || !_displays.AnyUsable(_time))
        {
            return;
        }

        _lastWatchdog = _time.GetTimestamp();
        _systemd.Notify(new ServiceState("WATCHDOG=1"));
    }

    private void SwapPack(LoadedPack pack)
    {
        var old = _renderer;
        _renderer = CreateRenderer(pack);
        _navigator.SwapPack(pack.Content);
        old.Dispose();
        _logger.LogInformation("now showing pack {Id} {Version}", pack.Manifest.Id, pack.Manifest.Version);
    }

    private SceneRenderer CreateRenderer(LoadedPack pack) => new(pack.Content, pack.Fonts, _displays.Profile);

    // A steady clock: the Pi has no RTC, and an NTP jump at boot must not look like minutes of idleness.
    private DateTimeOffset Now() => DateTimeOffset.UnixEpoch + _time.GetElapsedTime(_start);
}
