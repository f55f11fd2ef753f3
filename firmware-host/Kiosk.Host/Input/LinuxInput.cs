namespace Kiosk.Host.Input;

/// <summary>Constants from <c>linux/input.h</c> and <c>linux/input-event-codes.h</c> that the kiosk uses.</summary>
public static class LinuxInput
{
    /// <summary>Size of <c>struct input_event</c> for a 64-bit process: timeval (2 × 8) + type + code + value.</summary>
    public const int EventSize64 = 24;

    /// <summary>Size for a 32-bit process (32-bit Raspberry Pi OS): timeval (2 × 4) + type + code + value.</summary>
    public const int EventSize32 = 16;

    /// <summary>The layout this process reads: the kernel converts for 32-bit processes on a 64-bit kernel.</summary>
    public static int NativeEventSize => Environment.Is64BitProcess ? EventSize64 : EventSize32;

    public const ushort EvSyn = 0;
    public const ushort EvKey = 1;
    public const ushort EvMsc = 4;

    public const int KeyReleased = 0;
    public const int KeyPressed = 1;
    public const int KeyAutorepeat = 2;

    public const ushort KeyEsc = 1;
    public const ushort Key1 = 2;
    public const ushort Key2 = 3;
    public const ushort Key3 = 4;
    public const ushort Key4 = 5;
    public const ushort Key5 = 6;
    public const ushort KeyBackspace = 14;
    public const ushort KeyEnter = 28;
    public const ushort KeyA = 30;
    public const ushort KeyH = 35;
    public const ushort KeyLeftShift = 42;
    public const ushort KeyB = 48;
    public const ushort KeyDot = 52;
    public const ushort KeyRightShift = 54;
    public const ushort KeySpace = 57;
    public const ushort KeyF5 = 63;
    public const ushort KeyKp4 = 75;
    public const ushort KeyKp5 = 76;
    public const ushort KeyKp1 = 79;
    public const ushort KeyKp2 = 80;
    public const ushort KeyKp3 = 81;
    public const ushort KeyHome = 102;
    public const ushort KeyUp = 103;
    public const ushort KeyPageUp = 104;
    public const ushort KeyLeft = 105;
    public const ushort KeyRight = 106;
    public const ushort KeyDown = 108;
    public const ushort KeyPageDown = 109;

    /// <summary>KEY_MAX: the highest key code, so a key bitmap is KEY_MAX / 8 + 1 bytes.</summary>
    public const int KeyMax = 0x2ff;
}
