using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Input;

/// <summary>
/// The recorded keyboard session committed as <c>Data/evdev-session.bin</c> (64-bit layout), and what it must
/// decode to. <see cref="EvdevSessionFixtureTests"/> keeps the file and this generator in step.
/// </summary>
internal static class EvdevSessionFixture
{
    public const string FileName = "evdev-session.bin";

    /// <summary>Bytes of an unfinished record the recording ends with, as when the device vanished mid-write.</summary>
    public const int TruncatedTail = 10;

    public static readonly NavCommand[] Expected =
    [
        NavCommand.Next, NavCommand.Previous, NavCommand.Select, NavCommand.Back, NavCommand.Next,
        NavCommand.Home, NavCommand.HomeLong, NavCommand.Back, NavCommand.Next,
    ];

    public static IReadOnlyList<InputEvent> Events()
    {
        var script = new KeyboardScript(TimeSpan.FromSeconds(1_750_000_000));
        script.Tap(LinuxInput.KeyRight).Wait(300)
            .Tap(LinuxInput.KeyA).Wait(300)                          // not mapped: ignored
            .Tap(LinuxInput.KeyLeft, holdMilliseconds: 600).Wait(300) // autorepeats: still one Previous
            .Tap(LinuxInput.KeyEnter).Wait(250)
            .Tap(LinuxInput.KeyEsc).Wait(250)
            .Tap(LinuxInput.KeySpace).Wait(250)
            .Tap(LinuxInput.KeyHome, holdMilliseconds: 500).Wait(400) // short, with repeats
            .Tap(LinuxInput.KeyH, holdMilliseconds: 1500).Wait(400)   // long: HomeLong while held
            .Tap(LinuxInput.KeyBackspace).Wait(250)
            .Key(LinuxInput.KeyDown, LinuxInput.KeyPressed);
        return script.Events;
    }

    public static byte[] Bytes()
    {
        byte[] whole = InputEventEncoder.Encode(Events());
        byte[] release = InputEventEncoder.Encode([new InputEvent(TimeSpan.FromSeconds(1_750_000_100), LinuxInput.EvKey, LinuxInput.KeyDown, 0)]);
        return [.. whole, .. release.AsSpan(0, TruncatedTail)];
    }

    /// <summary>The committed file, found from the test binaries up to the repository's test folder.</summary>
    public static string Path
    {
        get
        {
            string relative = System.IO.Path.Combine("tests", "Kiosk.Host.Tests", "Input", "Data", FileName);
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = System.IO.Path.Combine(dir.FullName, relative);
                if (Directory.Exists(System.IO.Path.GetDirectoryName(candidate)))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException($"No {System.IO.Path.GetDirectoryName(relative)} above {AppContext.BaseDirectory}.");
        }
    }
}
