using System.Globalization;

namespace Kiosk.Host.Status;

/// <summary>
/// A process named by its PID and its start time (field 22 of /proc/PID/stat, clock ticks since boot), so a
/// PID reused by another program after the kiosk stopped is not mistaken for the kiosk.
/// </summary>
public sealed record ProcessIdentity(int Pid, long StartTicks, bool Zombie = false)
{
    public static ProcessIdentity? Current() => Read(Environment.ProcessId);

    public static ProcessIdentity? Read(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces; the fields after it are plain.
            string[] rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // rest[0] is the state: a killed process not yet reaped is a zombie, no longer a kiosk.
            return new ProcessIdentity(pid, long.Parse(rest[19], CultureInfo.InvariantCulture), rest[0] is "Z" or "X");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public bool IsAlive() => Read(Pid) is { Zombie: false } now && now.StartTicks == StartTicks;
}
