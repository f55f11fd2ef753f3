using Kiosk.Host.Input;
using Kiosk.Host.Navigation;

namespace Kiosk.Faults.Input;

/// <summary>Keeps only the commands posted since the last <see cref="Drain"/>: a million presses need no list of a million.</summary>
internal sealed class CountingSink : ICommandSink
{
    private readonly List<NavCommand> _recent = [];

    public void Post(NavCommand command) => _recent.Add(command);

    public List<NavCommand> Drain()
    {
        var posted = _recent.ToList();
        _recent.Clear();
        return posted;
    }
}
