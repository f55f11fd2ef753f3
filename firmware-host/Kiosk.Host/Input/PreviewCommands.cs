
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
            "selectlong" => (true, NavCommand.SelectLong),
            "blank" => (true, NavCommand.Blank),
            "firstphase" => (true, NavCommand.FirstPhase),
            "case1" => (true, NavCommand.Case1),
            "case2" => (true, NavCommand.Case2),
            "case3" => (true, NavCommand.Case3),
            "case4" => (true, NavCommand.Case4),
            "case5" => (true, NavCommand.Case5),
            _ => (false, NavCommand.Home),
        };
        return ok;
    }
}
