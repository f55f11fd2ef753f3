using System.Threading.Channels;

namespace Kiosk.Host.Input;

/// <summary>
/// Where every input posts its commands and the frame loop takes them: GPIO callbacks, evdev readers and web
/// requests run on their own threads, the navigator on one.
/// </summary>
public sealed class CommandQueue : ICommandSink
{
    // Bounded so a stuck loop cannot grow memory; a visitor mashing a button loses presses, not the kiosk.
    private readonly Channel<NavCommand> _channel = Channel.CreateBounded<NavCommand>(new BoundedChannelOptions(256)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    public void Post(NavCommand command) => _channel.Writer.TryWrite(command);

    public bool TryTake(out NavCommand command) => _channel.Reader.TryRead(out command);

    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);
}
