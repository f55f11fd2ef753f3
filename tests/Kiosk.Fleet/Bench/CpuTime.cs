using System.Globalization;

namespace Kiosk.Fleet.Bench;

/// <summary>
/// CPU seconds from /proc/PID/stat. A process's children count once it has waited for them, so the benchmark's
/// own children (ansible-playbook, and through it the kiosk CLI and every ssh) are the control node's work, and
/// each listening sshd's children (every session, its shell and the forced command) are that host's work.
/// </summary>
internal static class CpuTime
{
    /// <summary>USER_HZ, the unit of /proc's times: 100 on every Linux architecture .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>What this process's waited-for children used, user and system.</summary>
    public static double Children() => Read(Environment.ProcessId, own: false);

    /// <summary>What a process and its waited-for children used.</summary>
    public static double Tree(int pid) => Read(pid, own: true);

    private static double Read(int pid, bool own)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name in parentheses (which may hold spaces), from field 3 (state) on.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        double Field(int number) => double.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        double children = Field(16) + Field(17);
        return ((own ? Field(14) + Field(15) : 0) + children) / TicksPerSecond;
    }
}
