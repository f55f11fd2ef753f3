using System.Threading.Channels;

namespace Kiosk.Host.Input;

/// <summary>
/// The web preview's on-screen buttons and keys, as one more input source beside GPIO and evdev: the preview
/// server hands in the words its page sends, and this source posts the commands they name.
/// </summary>
public sealed class PreviewInput(ICommandSink commands) : IInputSource
{
    // Bounded like the command queue: a page flooding presses loses presses, not memory.
    private readonly Channel<NavCommand> _presses = Channel.CreateBounded<NavCommand>(new BoundedChannelOptions(64)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    public string Name => "preview";

    /// <summary>Queues the command a word names; false (and nothing queued) for a word that names none.</summary>
    public bool TryPress(string word)
    {
        if (!PreviewCommands.TryParse(word, out var command))
        {
            return false;
        }

        _presses.Writer.TryWrite(command);
        return true;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var command in _presses.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            commands.Post(command);
        }
    }
}
