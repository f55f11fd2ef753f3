
namespace Kiosk.Host.Input;

/// <summary>
/// Turns one device's evdev events into commands: a mapped key posts on press; a Home key posts Home on release
/// or HomeLong once held for the long-press time. A key held with Shift on the same device is looked up in
/// <see cref="EvdevKeyOptions.ShiftKeys"/> first (Shift+F5); a lecture key posts as a presenter's command. Time
/// comes only from the events' own timestamps, so a recording decodes the same as the live device. The kernel's
/// autorepeat events post nothing but, arriving every few tens of milliseconds while a key is down, let HomeLong
/// fire while the key is still held; a device without autorepeat gets HomeLong at release.
/// </summary>
public sealed class EvdevKeyDecoder
{
    private readonly NavCommand?[] _commands = new NavCommand?[EvdevKeyOptions.MaxKeyCode + 1];
    private readonly NavCommand?[] _shiftCommands = new NavCommand?[EvdevKeyOptions.MaxKeyCode + 1];
    private readonly bool[] _lecture = new bool[EvdevKeyOptions.MaxKeyCode + 1];
    private readonly ICommandSink _sink;
    private readonly LongPressDetector _longPress;
    private int _heldHomeCode = -1;
    private bool _leftShift;
    private bool _rightShift;

    public EvdevKeyDecoder(EvdevKeyOptions options, ICommandSink sink)
    {
        options.ThrowIfInvalid();
        foreach ((int code, NavCommand command) in options.Keys)
        {
            _commands[code] = command;
        }

        foreach ((int code, NavCommand command) in options.ShiftKeys)
        {
            _shiftCommands[code] = command;
        }

        foreach (int code in options.LectureKeys)
        {
            _lecture[code] = true;
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

        if (inputEvent.Type != LinuxInput.EvKey || inputEvent.Code >= _commands.Length)
        {
            return;
        }

        int code = inputEvent.Code;
        if (code is LinuxInput.KeyLeftShift or LinuxInput.KeyRightShift)
        {
            TrackShift(code, inputEvent.Value);
        }

        // With two Home keys (KEY_HOME and H) only the one that started the hold ends it, Shift or not.
        if (inputEvent.Value == LinuxInput.KeyReleased && code == _heldHomeCode)
        {
            ReleaseHome(inputEvent.Timestamp);
            return;
        }

        NavCommand? mapped = (_leftShift || _rightShift) && _shiftCommands[code] is { } shifted ? shifted : _commands[code];
        if (mapped is not { } command)
        {
            return;
        }

        if (command != NavCommand.Home)
        {
            if (inputEvent.Value == LinuxInput.KeyPressed)
            {
                _sink.Post(command, _lecture[code]);
            }

            return;
        }

        if (inputEvent.Value == LinuxInput.KeyPressed && _heldHomeCode < 0)
        {
            _heldHomeCode = code;
            _longPress.OnPressed(inputEvent.Timestamp);
        }
    }

    private void TrackShift(int code, int value)
    {
        if (value == LinuxInput.KeyAutorepeat)
        {
            return;
        }

        bool down = value == LinuxInput.KeyPressed;
        if (code == LinuxInput.KeyLeftShift)
        {
            _leftShift = down;
        }
        else
        {
            _rightShift = down;
        }
    }

    private void ReleaseHome(TimeSpan timestamp)
    {
        _heldHomeCode = -1;
        HoldOutcome outcome = _longPress.OnReleased(timestamp);
        if (outcome != HoldOutcome.None)
        {
            _sink.Post(outcome == HoldOutcome.Long ? NavCommand.HomeLong : NavCommand.Home);
        }
    }
}
