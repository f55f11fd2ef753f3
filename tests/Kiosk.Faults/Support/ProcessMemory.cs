using System.Runtime.InteropServices;

namespace Kiosk.Faults.Support;

/// <summary>
/// This test process's memory, read so that a leak shows and the allocators' slack does not: the live managed heap
/// after a full collection, and resident memory after glibc has handed its free pages back (malloc_trim). Between
/// the two sits the GC's committed but unused memory, the young-generation budget, which the GC sizes from the
/// CPU's cache (tens of MB on this machine's 260 MiB L3, about one on a Pi) and keeps between collections.
/// </summary>
public static class ProcessMemory
{
    /// <summary>Bytes of live managed objects, after a full, blocking collection.</summary>
    public static long LiveHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>
    /// Resident bytes once the heap is collected and glibc's free lists are trimmed: Skia's layer images are freed
    /// and reallocated all day, and untrimmed free lists would read as growth; live memory stays resident either way.
    /// </summary>
    public static long Resident()
    {
        LiveHeap();
        return TrimmedWorkingSet();
    }

    /// <summary>Bytes the GC holds from the system, used or not.</summary>
    public static long GcCommitted() => GC.GetGCMemoryInfo().TotalCommittedBytes;

    /// <summary>
    /// What the process really holds: live managed objects plus native memory (resident less the GC's committed
    /// memory). Neither part moves with the GC's budget, so a growth here is memory something keeps.
    /// </summary>
    public static Footprint Now()
    {
        // One full collection serves all three figures.
        long live = LiveHeap();
        long resident = TrimmedWorkingSet();
        return new Footprint(live, resident - GcCommitted(), resident);
    }

    /// <summary>
    /// The least of a few readings a short while apart: a running host has buffers in flight (a 1920x1080 frame
    /// being encoded is 8 MB) that one reading may catch and the next not; what is kept is in every reading.
    /// </summary>
    public static Footprint Least(int readings = 3, int apartMilliseconds = 200)
    {
        var least = Now();
        for (int i = 1; i < readings; i++)
        {
            Thread.Sleep(apartMilliseconds);
            var next = Now();
            least = new Footprint(Math.Min(least.Managed, next.Managed), Math.Min(least.Native, next.Native), Math.Min(least.Resident, next.Resident));
        }

        return least;
    }

    private static long TrimmedWorkingSet()
    {
        _ = MallocTrim(0);
        return Environment.WorkingSet;
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    /// <summary>One reading: live managed bytes, native bytes, and the resident total they came from.</summary>
    public readonly record struct Footprint(long Managed, long Native, long Resident)
    {
        public long Held => Managed + Native;
    }
}
