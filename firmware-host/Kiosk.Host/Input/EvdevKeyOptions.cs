namespace Kiosk.Host.Input;

/// <summary>A keyboard or USB arcade encoder read through evdev, and which keys mean what.</summary>
public sealed class EvdevKeyOptions
{
    /// <summary>Highest key code the kernel defines (KEY_MAX).</summary>
    public const int MaxKeyCode = 0x2ff;

    /// <summary>The event device, best given by a stable name from <c>/dev/input/by-id/</c>.</summary>
    public string DevicePath { get; set; } = "/dev/input/event0";

    /// <summary>Linux key code to command. A configuration section that lists keys replaces these defaults.</summary>
    public Dictionary<int, NavCommand> Keys { get; set; } = new()
    {
        [LinuxInput.KeyRight] = NavCommand.Next,
        [LinuxInput.KeyDown] = NavCommand.Next,
        [LinuxInput.KeySpace] = NavCommand.Next,
        [LinuxInput.KeyLeft] = NavCommand.Previous,
        [LinuxInput.KeyUp] = NavCommand.Previous,
        [LinuxInput.KeyEnter] = NavCommand.Select,
        [LinuxInput.KeyBackspace] = NavCommand.Back,
        [LinuxInput.KeyEsc] = NavCommand.Back,
        [LinuxInput.KeyHome] = NavCommand.Home,
        [LinuxInput.KeyH] = NavCommand.Home,
    };

    /// <summary>Holding a Home key this long sends <see cref="NavCommand.HomeLong"/> instead of <see cref="NavCommand.Home"/>.</summary>
    public TimeSpan LongPress { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>How long to wait before opening the device again after it failed or was unplugged.</summary>
    public TimeSpan ReopenDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A copy of these options reading another device (one per <c>evdev:PATH</c> input).</summary>
    public EvdevKeyOptions ForDevice(string devicePath) => new()
    {
        DevicePath = devicePath,
        Keys = new Dictionary<int, NavCommand>(Keys),
        LongPress = LongPress,
        ReopenDelay = ReopenDelay,
    };

    /// <summary>Every problem, each naming its configuration key; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DevicePath))
        {
            errors.Add("DevicePath: must name an event device, e.g. /dev/input/event0.");
        }

        foreach ((int code, NavCommand command) in Keys.OrderBy(k => k.Key))
        {
            if (code is <= 0 or > MaxKeyCode)
            {
                errors.Add($"Keys:{code}: key code is outside 1..{MaxKeyCode}.");
            }

            if (!Enum.IsDefined(command))
            {
                errors.Add($"Keys:{code}: unknown command {command}.");
            }
            else if (command == NavCommand.HomeLong)
            {
                errors.Add($"Keys:{code}: HomeLong comes from holding Home; map the key to Home instead.");
            }
        }

        if (LongPress <= TimeSpan.Zero)
        {
            errors.Add($"LongPress: must be greater than zero (was {LongPress}).");
        }

        if (ReopenDelay <= TimeSpan.Zero)
        {
            errors.Add($"ReopenDelay: must be greater than zero (was {ReopenDelay}).");
        }

        return errors;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem.</summary>
    public void ThrowIfInvalid()
    {
        IReadOnlyList<string> errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid evdev key options: " + string.Join(" ", errors));
        }
    }
}
