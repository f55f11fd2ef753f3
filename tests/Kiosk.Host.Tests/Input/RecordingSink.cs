using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Input;

/// <summary>The command queue's stand-in: keeps every posted command in order.</summary>
internal sealed class RecordingSink : ICommandSink
{
    private readonly List<NavCommand> _commands = [];

    public IReadOnlyList<NavCommand> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public void Post(NavCommand command)
    {
        lock (_commands)
        {
            _commands.Add(command);
        }
    }
}
