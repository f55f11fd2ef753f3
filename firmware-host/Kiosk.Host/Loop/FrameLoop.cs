using Kiosk.Content.Diagnostics;
using Kiosk.Content.Packing;
using Kiosk.Host.Display;
using Kiosk.Host.Input;
using Kiosk.Host.Navigation;
using Kiosk.Host.Packs;
using Kiosk.Host.Status;
using Kiosk.Render.Scenes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Host.Loop;

/// <summary>
/// Where a press becomes pixels: takes commands from the queue, steps the navigator, renders only when
/// something changed (at most MaxFps while a transition plays), hands each display the changed rectangles,
/// swaps in new packs between frames, and tells systemd it is ready (after the first frame) and alive.
/// </summary>
public sealed class FrameLoop : BackgroundService
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(200);

    private readonly FrameLoopOptions _options;
    private readonly NavigatorOptions _navigator;
    private readonly CommandQueue _commands;
    private readonly PackWatcher _packs;
    private readonly DisplaySet _displays;
    private readonly TimeProvider _time;
    private readonly ISystemdNotifier? _systemd;
    private readonly ILogger<FrameLoop> _logger;
    private readonly InputHealth? _input;
    private readonly KioskStatus? _status;
    private readonly TimeSpan _hashEvery;
    private readonly long _start;
    private readonly TaskCompletionSource _firstFrame = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FrameCycle? _cycle;
    private readonly WatchdogRule _watchdog;
    private long? _lastReport;
    private int _failingReported;
    private long _pressesReported;
    private LoadedPack? _packReported;

    public FrameLoop(IOptions<FrameLoopOptions> options, IOptions<NavigatorOptions> navigator, CommandQueue commands, PackWatcher packs, DisplaySet displays, TimeProvider time, ILogger<FrameLoop> logger, ISystemdNotifier? systemd = null, InputHealth? input = null, KioskStatus? status = null, IOptions<StatusOptions>? statusOptions = null)
    {
        _input = input;
        _status = status;
        _hashEvery = (statusOptions?.Value ?? new StatusOptions()).WriteInterval;
        _options = options.Value;
        _navigator = navigator.Value;
        _commands = commands;
        _packs = packs;
        _displays = displays;
        _time = time;
        _systemd = systemd;
        _logger = logger;
        _start = time.GetTimestamp();
        _watchdog = new WatchdogRule(displays, time);
    }

    /// <summary>Completes when the first frame has reached the displays.</summary>
    public Task FirstFrame => _firstFrame.Task;

    /// <summary>Frames rendered so far (for logs and tests).</summary>
    public long Frames => _cycle?.Frames ?? 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var cycle = StartCycle();
        _cycle = cycle;
        var frameInterval = TimeSpan.FromSeconds(1.0 / _options.MaxFps);
        LoadedPack? fallback = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                long frameStart = _time.GetTimestamp();
                var fresh = fallback ?? (_packs.TryTake(out var pack) ? pack : null);
                fallback = null;
                bool rendered;
                try
                {
                    rendered = cycle.Step(Now(), fresh);
                }
                catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
                {
                    // A pack the renderer cannot draw: the watcher marks it bad and reverts; show what it hands back.
                    fallback = _packs.Reject(cycle.Pack, $"{ex.GetType().Name}: {ex.Message}") ?? throw new InvalidOperationException("no pack can be drawn", ex);
                    continue;
                }

                if (rendered && cycle.Frames == 1)
                {
                    _systemd?.Notify(ServiceState.Ready);
                    _firstFrame.TrySetResult();
                    _logger.LogInformation("first frame on {Displays}", _displays.Describe());
                }

                if (fresh is not null)
                {
                    _logger.LogInformation("now showing pack {Id} {Version}", SafeText.Escape(fresh.Manifest.Id), SafeText.Escape(fresh.Manifest.Version));
                }

                if (cycle.FramesOfPack > 0 && (_input?.Alive ?? true) && _displays.AnyUsable(_time))
                {
                    // The health gate: a frame of this pack is on a working display and the inputs run.
                    if (_packs.Confirm(cycle.Pack))
                    {
                        _status?.PackStateChanged();
                    }
                }

                Report(cycle, rendered);

                PingWatchdog();
                if (cycle.Navigator.IsAnimating(Now()))
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
    }

    /// <summary>The first cycle; a start pack whose renderer cannot even be built is rejected like any other.</summary>
    private FrameCycle StartCycle()
    {
        var pack = _packs.Initial;
        while (true)
        {
            try
            {
                return new FrameCycle(pack, _navigator, _commands, _displays, Now());
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                pack = _packs.Reject(pack, $"{ex.GetType().Name}: {ex.Message}") ?? throw new InvalidOperationException("no pack can be drawn", ex);
            }
        }
    }

    private async Task WaitForCommand(CancellationToken stoppingToken)
    {
        // The idle wait runs on the injected TimeProvider, so a test's clock decides when the loop wakes.
        using var idle = new CancellationTokenSource(IdleWait, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, idle.Token);
        try
        {
            await _commands.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Idle timeout: loop round to tick the attract loop and check the displays.
        }
    }

    /// <summary>
    /// Tells the status what reached the glass. A frame at rest (what the glass keeps showing) is reported and
    /// hashed at once; frames of a transition at most once per status write, so the animation allocates and
    /// hashes nothing extra. A display failing or coming back is reported when it happens.
    /// </summary>
    private void Report(FrameCycle cycle, bool presented)
    {
        if (_status is null)
        {
            return;
        }

        if (cycle.Presses != _pressesReported)
        {
            _status.Pressed(cycle.Presses - _pressesReported);
            _pressesReported = cycle.Presses;
        }

        // The pack the cycle really shows (a rejected one's fallback included), once its first frame is out.
        bool newPack = cycle.FramesOfPack > 0 && !ReferenceEquals(cycle.Pack, _packReported);
        if (newPack)
        {
            _packReported = cycle.Pack;
            _status.PackOnGlass(_packs.OriginOf(cycle.Pack), cycle.Pack.Manifest.Id, cycle.Pack.Manifest.Version);
        }

        int failing = _displays.Guards.Count(g => g.FailingSince is not null);
        bool due = _lastReport is not { } last || _time.GetElapsedTime(last) >= _hashEvery;
        bool atRest = !cycle.Navigator.IsAnimating(Now());
        if (!(presented && (atRest || due)) && !newPack && failing == _failingReported)
        {
            return;
        }

        _lastReport = _time.GetTimestamp();
        _failingReported = failing;
        var frame = presented ? cycle.LastFrame : null;
        string? frameHash = frame is null ? null : FrameHash.Of(frame);
        var now = _time.GetUtcNow();
        foreach (var guard in _displays.Guards)
        {
            _status.Display(new DisplayStatus(
                guard.Sink.Name,
                guard.FailingSince is null,
                guard.FailingSince is { } since ? now - _time.GetElapsedTime(since) : null,
                guard.LastFailure,
                guard.Accepted,
                guard.LastAcceptedAt is { } at ? now - _time.GetElapsedTime(at) : null,
                frameHash is not null && guard.LastAcceptedSequence == frame!.Sequence ? frameHash : null));
        }

        _status.FramePresented(ScreenAddress.Format(cycle.Navigator.Screen, cycle.Navigator.Pack), cycle.Frames);
    }

    /// <summary>Alive means frames can still reach a display; if none can, systemd restarts us.</summary>
    private void PingWatchdog()
    {
        if (_systemd is not null && _watchdog.TryPing())
        {
            _systemd.Notify(new ServiceState("WATCHDOG=1"));
        }
    }

    // A steady clock: the Pi has no RTC, and an NTP jump at boot must not look like minutes of idleness.
    private DateTimeOffset Now() => DateTimeOffset.UnixEpoch + _time.GetElapsedTime(_start);
}
