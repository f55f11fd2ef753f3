namespace Kiosk.Host.Input;

/// <summary>
/// A keyboard or USB arcade encoder at <see cref="EvdevKeyOptions.DevicePath"/>: reads its events on a
/// dedicated thread and posts commands. When the device fails (unplugged) it is opened again after
/// <see cref="EvdevKeyOptions.ReopenDelay"/>; when its stream ends (a recording, a closed pipe) the source ends.
/// </summary>
public sealed class EvdevKeySource : IInputSource
{
    private readonly EvdevKeyOptions _options;
    private readonly ICommandSink _sink;
    private readonly TimeProvider _time;
    private readonly Func<string, Stream> _openDevice;
    private readonly int _eventSize;

    public EvdevKeySource(EvdevKeyOptions options, ICommandSink sink, TimeProvider time, Func<string, Stream> openDevice,
        int eventSize = LinuxInput.EventSize64)
    {
        options.ThrowIfInvalid();
        _options = options;
        _sink = sink;
        _time = time;
        _openDevice = openDevice;
        _eventSize = eventSize;
    }

    public string Name => "evdev:" + _options.DevicePath;

    /// <summary>Opens an event device for reading without buffering beyond the reader's own.</summary>
    public static Stream OpenDevice(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);

    /// <summary>
    /// Runs until cancelled or the stream ends. A read blocked on a quiet device cannot be interrupted, so on
    /// cancellation this returns at once and the reading thread ends with the next event or the process.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // A fresh decoder per opening: a key held when the device vanished must not stay held.
            var decoder = new EvdevKeyDecoder(_options, _sink);
            Stream stream;
            try
            {
                stream = _openDevice(_options.DevicePath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (!await WaitToReopen(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            Task<bool> loop = EvdevDeviceReader.ReadOnThread(stream, _eventSize, decoder, cancellationToken);

            bool ended;
            try
            {
                ended = await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (ended || !await WaitToReopen(cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private async Task<bool> WaitToReopen(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(_options.ReopenDelay, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
