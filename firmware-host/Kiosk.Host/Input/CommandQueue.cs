using System.Threading.Channels;

namespace Kiosk.Host.Input;

/// <summary>
/// Where every input posts its commands and the frame loop takes them: GPIO callbacks, evdev readers and web
/// requests run on their own threads, the navigator on one.
/// </summary>
public sealed class CommandQueue : ICommandSink
{
    // Bounded so a stuck loop cannot grow memory; a visitor mashing a button loses presses, not the kiosk.
    private readonly Channel<NavPress> _channel = Channel.CreateBounded<NavPress>(new BoundedChannelOptions(256)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    public void Post(NavCommand command) => Post(command, presenter: false);

    public void Post(NavCommand command, bool presenter) => _channel.Writer.TryWrite(new NavPress(command, presenter));

    public bool TryTake(out NavPress press) => _channel.Reader.TryRead(out press);

    public bool TryTake(out NavCommand command)
    {
        bool taken = TryTake(out NavPress press);
        command = press.Command;
        return taken;
    }

    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);
}
