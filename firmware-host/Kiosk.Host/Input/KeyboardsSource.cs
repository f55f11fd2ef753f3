using Microsoft.Extensions.Logging;

namespace Kiosk.Host.Input;

/// <summary>
/// Every keyboard-like event device, as it comes and goes: reads each <c>event*</c> device in
/// <see cref="EvdevKeyOptions.DeviceDirectory"/> that reports a key the map uses, and watches the folder with
/// inotify (<see cref="FileSystemWatcher"/>) for devices plugged in later, so no udev daemon is needed. Each
/// device has its own reading thread and decoder (a Home held on one does not hold on another) and all post
/// into the one command queue, so presses on two devices at once all count, in the order they are read.
/// </summary>
/// <remarks>
/// A device node appears before udev (where there is one) has given it to the <c>input</c> group, so a device
/// that cannot be opened yet is asked again when its permissions change (inotify's IN_ATTRIB). An unplugged
/// device's read fails and its reader ends; plugged back, it is a new node and is read again.
/// </remarks>
public sealed class KeyboardsSource : IInputSource
{
    private readonly EvdevKeyOptions _options;
    private readonly ICommandSink _sink;
    private readonly TimeProvider _time;
    private readonly Func<string, Stream> _openDevice;
    private readonly Func<string, string?> _identify;
    private readonly ILogger _logger;
    private readonly int _eventSize;

    // Path → whether the path was created again while its reader was still draining the old device.
    private readonly Dictionary<string, bool> _reading = new(StringComparer.Ordinal);
    private CancellationToken _stopping;

    /// <param name="identify">The device's name when it is keyboard-like, else null (<see cref="EvdevCapabilities.KeyboardName"/>).</param>
    public KeyboardsSource(EvdevKeyOptions options, ICommandSink sink, TimeProvider time, Func<string, Stream> openDevice,
        Func<string, string?> identify, ILogger logger, int eventSize = LinuxInput.EventSize64)
    {
        options.ThrowIfInvalid();
        _options = options;
        _sink = sink;
        _time = time;
        _openDevice = openDevice;
        _identify = identify;
        _logger = logger;
        _eventSize = eventSize;
    }

    public string Name => "keyboards:" + _options.DeviceDirectory;

    /// <summary>The devices being read now.</summary>
    public IReadOnlyCollection<string> Devices
    {
        get
        {
            lock (_reading)
            {
                return [.. _reading.Keys];
            }
        }
    }

    /// <summary>True once the folder is watched and the devices already there have been looked at.</summary>
    public bool Watching { get; private set; }

    /// <summary>Runs until cancelled. Readers blocked on quiet devices end with their next event or the process.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _stopping = cancellationToken;
        string folder = _options.DeviceDirectory;

        // The kernel makes /dev/input with the first input device; until then there is nothing to watch.
        while (!Directory.Exists(folder))
        {
            try
            {
                await Task.Delay(_options.ReopenDelay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        using var watcher = new FileSystemWatcher(folder, "event*")
        {
            // Not LastAccess or LastWrite: every read of a device would wake the watcher.
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.Attributes,
            IncludeSubdirectories = false,
        };
        watcher.Created += (_, e) => Consider(e.FullPath);
        watcher.Changed += (_, e) => Consider(e.FullPath);
        watcher.Renamed += (_, e) => Consider(e.FullPath);
        watcher.Error += (_, e) =>
        {
            // An overflowed event queue lost arrivals: look at every device again.
            _logger.LogWarning(e.GetException(), "watching {Folder} lost events; rescanning", folder);
            Rescan(folder);
        };
        watcher.EnableRaisingEvents = true;
        Rescan(folder);
        Watching = true;

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Rescan(string folder)
    {
        foreach (string path in Directory.EnumerateFileSystemEntries(folder, "event*").Order(StringComparer.Ordinal))
        {
            Consider(path);
        }
    }

    private void Consider(string path)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        lock (_reading)
        {
            if (_reading.ContainsKey(path))
            {
                // Created again (or its permissions changed) while the old reader drains: look again when it ends.
                _reading[path] = true;
                return;
            }

            string? name;
            try
            {
                name = _identify(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                name = null;
            }

            if (name is null)
            {
                return;
            }

            _reading[path] = false;
            _ = Read(path, name);
        }
    }

    private async Task Read(string path, string name)
    {
        // Opening a device (or, in tests, a FIFO) can block; never on the watcher's thread.
        await Task.Yield();
        bool failed = false;
        try
        {
            Stream stream = await Task.Factory.StartNew(() => _openDevice(path), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            _logger.LogInformation("keyboard {Path} ({Name}) connected", path, name);

            // A fresh decoder per device and per opening: a key held when a device vanished must not stay held.
            var decoder = new EvdevKeyDecoder(_options, _sink);
            failed = !await EvdevDeviceReader.ReadOnThread(stream, _eventSize, decoder, _stopping).ConfigureAwait(false);
            _logger.LogInformation("keyboard {Path} ({Name}) {How}", path, name, failed ? "unplugged" : "ended");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not ours yet (udev has not set the group): its IN_ATTRIB brings it back here.
            _logger.LogInformation("keyboard {Path} ({Name}) cannot be opened yet: {Reason}", path, name, e.Message);
        }
        finally
        {
            bool again;
            lock (_reading)
            {
                again = _reading.Remove(path, out bool createdAgain) && createdAgain;
            }

            if (again)
            {
                Consider(path);
            }
        }
    }
}
