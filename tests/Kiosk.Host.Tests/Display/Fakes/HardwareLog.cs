using System.Globalization;

namespace Kiosk.Host.Tests.Display.Fakes;

/// <summary>
/// One ordered trace of everything the fakes saw (pin writes, SPI writes, requested waits), so a test can
/// assert the order of reset pulse, commands and delays. Off while measuring allocations.
/// </summary>
public sealed class HardwareLog
{
    public List<string> Entries { get; } = [];

    public bool Enabled { get; set; } = true;

    public List<TimeSpan> Sleeps { get; } = [];

    public void Add(string entry)
    {
        if (Enabled)
        {
            Entries.Add(entry);
        }
    }

    /// <summary>Stands in for Thread.Sleep: records the wait instead of taking it.</summary>
    public void Sleep(TimeSpan duration)
    {
        if (Enabled)
        {
            Sleeps.Add(duration);
            Entries.Add(string.Create(CultureInfo.InvariantCulture, $"sleep {duration.TotalMilliseconds}ms"));
        }
    }
}
