
namespace Kiosk.Host.Input;

/// <summary>
/// Turns evdev events into commands: a mapped key posts on press; a Home key posts Home on release or HomeLong
/// once held for the long-press time. Time comes only from the events' own timestamps, so a recording decodes
/// the same as the live device. The kernel's autorepeat events post nothing but, arriving every few tens of
/// milliseconds while a key is down, let HomeLong fire while the key is still held; a device without autorepeat
/// gets HomeLong at release.
/// </summary>
public sealed class EvdevKeyDecoder
{
    private readonly NavCommand?[] _commands = new NavCommand?[EvdevKeyOptions.MaxKeyCode + 1];
    private readonly ICommandSink _sink;
    private readonly LongPressDetector _longPress;
    private int _heldHomeCode = -1;

    public EvdevKeyDecoder(EvdevKeyOptions options, ICommandSink sink)
    {
        options.ThrowIfInvalid();
        foreach ((int code, NavCommand command) in options.Keys)
        {
            _commands[code] = command;
        }

        _sink = sink;
        _longPress = new LongPressDetector(options.LongPress);
    }

    public void OnEvent(in InputEvent inputEvent)
    {
        // Any event of the held Home key's device is a clock tick for the long-press check.
        if (_heldHomeCode >= 0 && _longPress.Poll(inputEvent.Timestamp) == HoldOutcome.Long)
        {
            _sink.Post(NavCommand.HomeLong);
        }

        if (inputEvent.Type != LinuxInput.EvKey || inputEvent.Code >= _commands.Length
            || _commands[inputEvent.Code] is not { } command)
        {
            return;
        }

        if (command != NavCommand.Home)
        {
            if (inputEvent.Value == LinuxInput.KeyPressed)
            {
                _sink.Post(command);
            }

            return;
        }

        // With two Home keys (KEY_HOME and H) only the one that started the hold ends it.
        if (inputEvent.Value == LinuxInput.KeyPressed && _heldHomeCode < 0)
        {
            _heldHomeCode = inputEvent.Code;
            _longPress.OnPressed(inputEvent.Timestamp);
        }
        else if (inputEvent.Value == LinuxInput.KeyReleased && inputEvent.Code == _heldHomeCode)
        {
            _heldHomeCode = -1;
            HoldOutcome outcome = _longPress.OnReleased(inputEvent.Timestamp);
            if (outcome != HoldOutcome.None)
            {
                _sink.Post(outcome == HoldOutcome.Long ? NavCommand.HomeLong : NavCommand.Home);
            }
        }
    }
}
