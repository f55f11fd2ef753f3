
namespace Kiosk.Host.Input;

/// <summary>Where input sources deliver commands; the host's command queue implements it.</summary>
public interface ICommandSink
{
    void Post(NavCommand command);

    /// <summary>Posts a command from a presenter key when <paramref name="presenter"/> is true (lecture mode).</summary>
    void Post(NavCommand command, bool presenter) => Post(command);
}
