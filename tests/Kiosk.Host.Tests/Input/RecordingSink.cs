using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Input;

/// <summary>The command queue's stand-in: keeps every posted command (and whether a presenter key sent it) in order.</summary>
internal sealed class RecordingSink : ICommandSink
{
    private readonly List<NavPress> _presses = [];

    public IReadOnlyList<NavCommand> Commands => [.. Presses.Select(p => p.Command)];

    public IReadOnlyList<NavPress> Presses
    {
        get
        {
            lock (_presses)
            {
                return [.. _presses];
            }
        }
    }

    /// <summary>Runs events through a fresh decoder and returns what it posted.</summary>
    public static RecordingSink Decode(IEnumerable<InputEvent> events, EvdevKeyOptions? options = null)
    {
        var sink = new RecordingSink();
        var decoder = new EvdevKeyDecoder(options ?? new EvdevKeyOptions(), sink);
        foreach (InputEvent e in events)
        {
            decoder.OnEvent(e);
        }

        return sink;
    }

    public void Post(NavCommand command) => Post(command, presenter: false);

    public void Post(NavCommand command, bool presenter)
    {
        lock (_presses)
        {
            _presses.Add(new NavPress(command, presenter));
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> commands have arrived (a guard against a hang, not a timing).</summary>
    public async Task WaitForCount(int count, TimeSpan? guard = null)
    {
        var deadline = DateTime.UtcNow + (guard ?? TimeSpan.FromSeconds(30));
        while (Presses.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited for {count} commands, have {Presses.Count}: {string.Join(", ", Commands)}");
            }

            await Task.Delay(10);
        }
    }
}
