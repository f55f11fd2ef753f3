using System.Device.Gpio;

namespace Kiosk.Host.Input;

/// <summary>Which BCM pin carries which command, and how the buttons are wired and timed.</summary>
public sealed class GpioButtonOptions
{
    /// <summary>Highest BCM GPIO on the Raspberry Pi 40-pin header.</summary>
    public const int MaxPin = 27;

    /// <summary>Command to BCM pin number. A configuration section that lists pins replaces these defaults.</summary>
    public Dictionary<NavCommand, int> Pins { get; set; } = new()
    {
        [NavCommand.Next] = 5,
        [NavCommand.Previous] = 6,
        [NavCommand.Select] = 13,
        [NavCommand.Back] = 19,
        [NavCommand.Home] = 26,
    };

    /// <summary>True when a pressed button pulls the line to ground (the usual wiring with a pull-up).</summary>
    public bool ActiveLow { get; set; } = true;

    /// <summary><see cref="PinMode.InputPullUp"/>, <see cref="PinMode.InputPullDown"/> or <see cref="PinMode.Input"/> (external resistors).</summary>
    public PinMode InputMode { get; set; } = PinMode.InputPullUp;

    /// <summary>How long a level must hold before it counts; above the contacts' chatter.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Holding Home this long sends <see cref="NavCommand.HomeLong"/> instead of <see cref="NavCommand.Home"/>.</summary>
    public TimeSpan LongPress { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Every problem, each naming its configuration key; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var owners = new Dictionary<int, NavCommand>();
        foreach ((NavCommand command, int pin) in Pins.OrderBy(p => p.Key))
        {
            if (!Enum.IsDefined(command))
            {
                errors.Add($"Pins:{command}: unknown command.");
            }
            else if (command == NavCommand.HomeLong)
            {
                errors.Add($"Pins:{command}: HomeLong comes from holding Home; map the button to Home instead.");
            }

            if (pin is < 0 or > MaxPin)
            {
                errors.Add($"Pins:{command}: pin {pin} is outside BCM 0..{MaxPin}.");
            }
            else if (owners.TryGetValue(pin, out NavCommand other))
            {
                errors.Add($"Pins:{command}: pin {pin} is already used by Pins:{other}.");
            }
            else
            {
                owners.Add(pin, command);
            }
        }

        if (Pins.Count == 0)
        {
            errors.Add("Pins: no button is mapped.");
        }

        if (InputMode is not (PinMode.Input or PinMode.InputPullUp or PinMode.InputPullDown))
        {
            errors.Add($"InputMode: {InputMode} is not an input mode (Input, InputPullUp or InputPullDown).");
        }

        if (Debounce <= TimeSpan.Zero)
        {
            errors.Add($"Debounce: must be greater than zero (was {Debounce}).");
        }

        if (LongPress <= TimeSpan.Zero)
        {
            errors.Add($"LongPress: must be greater than zero (was {LongPress}).");
        }
        else if (LongPress <= Debounce)
        {
            errors.Add($"LongPress: must be longer than Debounce ({Debounce}), or no press could be short (was {LongPress}).");
        }

        return errors;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem.</summary>
    public void ThrowIfInvalid()
    {
        IReadOnlyList<string> errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid GPIO button options: " + string.Join(" ", errors));
        }
    }
}
