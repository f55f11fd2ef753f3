namespace Kiosk.Host.Input;

/// <summary>
/// One Linux <c>struct input_event</c>. <see cref="Timestamp"/> is the kernel's timeval (CLOCK_REALTIME unless
/// the device was switched to another clock) as time since the epoch.
/// </summary>
public readonly record struct InputEvent(TimeSpan Timestamp, ushort Type, ushort Code, int Value);
