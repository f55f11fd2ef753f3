namespace Kiosk.Host.Input;

/// <summary>
/// Reads one opening of an event device on a thread of its own (a read blocked on a quiet device cannot be
/// interrupted, so it must not hold a pool thread) and feeds a decoder. Shared by the single-device
/// <see cref="EvdevKeySource"/> and the hot-plugging <see cref="KeyboardsSource"/>.
/// </summary>
internal static class EvdevDeviceReader
{
    /// <summary>True when the stream ended (a recording, a closed pipe); false when the device failed (unplugged).</summary>
    public static Task<bool> ReadOnThread(Stream stream, int eventSize, EvdevKeyDecoder decoder, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            static state =>
            {
                var (stream, eventSize, decoder, token) = ((Stream, int, EvdevKeyDecoder, CancellationToken))state!;
                return ReadUntilEnd(stream, eventSize, decoder, token);
            },
            (stream, eventSize, decoder, cancellationToken),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    private static bool ReadUntilEnd(Stream stream, int eventSize, EvdevKeyDecoder decoder, CancellationToken cancellationToken)
    {
        using (stream)
        {
            var reader = new InputEventReader(stream, eventSize);
            try
            {
                while (reader.TryRead(out InputEvent inputEvent))
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return true;
                    }

                    decoder.OnEvent(inputEvent);
                }

                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }
    }
}
