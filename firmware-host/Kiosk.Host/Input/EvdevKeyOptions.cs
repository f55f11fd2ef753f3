namespace Kiosk.Host.Input;

/// <summary>A keyboard or USB arcade encoder read through evdev, and which keys mean what.</summary>
public sealed class EvdevKeyOptions
{
    /// <summary>Highest key code the kernel defines (KEY_MAX).</summary>
    public const int MaxKeyCode = LinuxInput.KeyMax;

    /// <summary>The event device, best given by a stable name from <c>/dev/input/by-id/</c>.</summary>
    public string DevicePath { get; set; } = "/dev/input/event0";

    /// <summary>
    /// Where the <c>keyboards</c> input looks for event devices (<c>event*</c>) and watches for arrivals with
    /// inotify. Only tests and unusual systems change it.
    /// </summary>
    public string DeviceDirectory { get; set; } = "/dev/input";

    /// <summary>
    /// Linux key code to command: a keyboard's arrows and the keys presenter remotes send. A configuration
    /// section that lists keys replaces these defaults.
    /// </summary>
    public Dictionary<int, NavCommand> Keys { get; set; } = new()
    {
        [LinuxInput.KeyPageDown] = NavCommand.Next,
        [LinuxInput.KeyPageUp] = NavCommand.Previous,
        [LinuxInput.KeyB] = NavCommand.Blank,
        [LinuxInput.KeyDot] = NavCommand.Blank,
        [LinuxInput.KeyF5] = NavCommand.FirstPhase,
        [LinuxInput.Key1] = NavCommand.Case1,
        [LinuxInput.Key2] = NavCommand.Case2,
        [LinuxInput.Key3] = NavCommand.Case3,
        [LinuxInput.Key4] = NavCommand.Case4,
        [LinuxInput.Key5] = NavCommand.Case5,
        [LinuxInput.KeyKp1] = NavCommand.Case1,
        [LinuxInput.KeyKp2] = NavCommand.Case2,
        [LinuxInput.KeyKp3] = NavCommand.Case3,
        [LinuxInput.KeyKp4] = NavCommand.Case4,
        [LinuxInput.KeyKp5] = NavCommand.Case5,
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

    /// <summary>
    /// Key code to command while a Shift key is held on the same device; other keys fall back to
    /// <see cref="Keys"/>. Default: Shift+F5 (a remote's "leave the slide show") is Back. Listing any replaces it.
    /// </summary>
    public Dictionary<int, NavCommand> ShiftKeys { get; set; } = new()
    {
        [LinuxInput.KeyF5] = NavCommand.Back,
    };

    /// <summary>
    /// Keys that start lecture mode (see <c>Navigator:LectureQuietTime</c>): the keys only presenter remotes and
    /// lecturers use. Esc and the arrows are not among them, since visitors at a keyboard use those too.
    /// Listing any replaces these.
    /// </summary>
    public List<int> LectureKeys { get; set; } =
    [
        LinuxInput.KeyPageDown, LinuxInput.KeyPageUp, LinuxInput.KeyB, LinuxInput.KeyDot, LinuxInput.KeyF5,
        LinuxInput.Key1, LinuxInput.Key2, LinuxInput.Key3, LinuxInput.Key4, LinuxInput.Key5,
        LinuxInput.KeyKp1, LinuxInput.KeyKp2, LinuxInput.KeyKp3, LinuxInput.KeyKp4, LinuxInput.KeyKp5,
    ];

    /// <summary>Every key code this map reacts to: a device that reports none of them is not read.</summary>
    public IEnumerable<int> MappedCodes => Keys.Keys.Concat(ShiftKeys.Keys).Distinct();

    /// <summary>Holding a Home key this long sends <see cref="NavCommand.HomeLong"/> instead of <see cref="NavCommand.Home"/>.</summary>
    public TimeSpan LongPress { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>How long to wait before opening the device again after it failed or was unplugged.</summary>
    public TimeSpan ReopenDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A copy of these options reading another device (one per <c>evdev:PATH</c> input).</summary>
    public EvdevKeyOptions ForDevice(string devicePath) => new()
    {
        DevicePath = devicePath,
        DeviceDirectory = DeviceDirectory,
        Keys = new Dictionary<int, NavCommand>(Keys),
        ShiftKeys = new Dictionary<int, NavCommand>(ShiftKeys),
        LectureKeys = [.. LectureKeys],
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

        if (string.IsNullOrWhiteSpace(DeviceDirectory))
        {
            errors.Add("DeviceDirectory: must name the folder of the event devices, e.g. /dev/input.");
        }

        ValidateMap(nameof(Keys), Keys, errors);
        ValidateMap(nameof(ShiftKeys), ShiftKeys, errors);
        for (int i = 0; i < LectureKeys.Count; i++)
        {
            if (LectureKeys[i] is <= 0 or > MaxKeyCode)
            {
                errors.Add($"LectureKeys:{i}: key code {LectureKeys[i]} is outside 1..{MaxKeyCode}.");
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

    private static void ValidateMap(string name, Dictionary<int, NavCommand> map, List<string> errors)
    {
        foreach ((int code, NavCommand command) in map.OrderBy(k => k.Key))
        {
            if (code is <= 0 or > MaxKeyCode)
            {
                errors.Add($"{name}:{code}: key code is outside 1..{MaxKeyCode}.");
            }

            if (!Enum.IsDefined(command))
            {
                errors.Add($"{name}:{code}: unknown command {command}.");
            }
            else if (command == NavCommand.HomeLong)
            {
                errors.Add($"{name}:{code}: HomeLong comes from holding Home; map the key to Home instead.");
            }
        }
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
