
namespace Kiosk.Host.Input;

/// <summary>The words the preview page sends for its buttons and keys.</summary>
public static class PreviewCommands
{
    public static bool TryParse(string text, out NavCommand command)
    {
        (bool ok, command) = text.Trim().ToLowerInvariant() switch
        {
            "next" => (true, NavCommand.Next),
            "previous" or "prev" => (true, NavCommand.Previous),
            "select" => (true, NavCommand.Select),
            "back" => (true, NavCommand.Back),
            "home" => (true, NavCommand.Home),
            "homelong" => (true, NavCommand.HomeLong),
            _ => (false, NavCommand.Home),
        };
        return ok;
    }
}
