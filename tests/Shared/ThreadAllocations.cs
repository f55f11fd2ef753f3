namespace Kiosk.Tests.Shared;

/// <summary>
/// Managed bytes a piece of code allocates on the calling thread. <see cref="GC.GetAllocatedBytesForCurrentThread"/>
/// now and then reads a few KB high with nothing allocated (the runtime's own test of it fails the same way,
/// dotnet/runtime#63487 and #74388; our CI once read 7,728 bytes over 50 frames that allocate none, and five runs of
/// the render suite here read 0). So the code runs in up to three windows and the least reading counts: an allocation
/// the code makes shows in every window, that error in one.
/// </summary>
public static class ThreadAllocations
{
    public const int Windows = 3;

    /// <summary>Runs <paramref name="run"/> once per window, stopping early at a window that allocated nothing.</summary>
    public static Reading Measure(Action run)
    {
        var readings = new List<long>(Windows);
        for (int w = 0; w < Windows; w++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            run();
            readings.Add(GC.GetAllocatedBytesForCurrentThread() - before);
            if (readings[^1] == 0)
            {
                break;
            }
        }

        return new Reading(readings.Min(), readings);
    }

    /// <summary>The least of the windows' readings, and every reading (for failure messages).</summary>
    public sealed record Reading(long Least, IReadOnlyList<long> Windows)
    {
        public override string ToString() => $"{Least} bytes (windows read {string.Join(", ", Windows)})";
    }
}
