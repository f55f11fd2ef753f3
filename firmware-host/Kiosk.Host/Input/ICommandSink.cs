
namespace Kiosk.Host.Input;

/// <summary>Where input sources deliver commands; the host's command queue implements it.</summary>
public interface ICommandSink
{
    void Post(NavCommand command);
}
