using System.Runtime.InteropServices;

namespace Kiosk.Host.Tests.Input;

/// <summary>
/// Named pipes standing in for event devices: a real file in a folder inotify watches, read with the same
/// blocking reads as /dev/input/eventN. Writing and closing the writer is the device sending and vanishing.
/// </summary>
internal static partial class Fifo
{
    public static void Create(string path)
    {
        if (MkFifo(path, Convert.ToUInt32("600", 8)) != 0)
        {
            throw new IOException($"mkfifo {path} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Opens the writing end; completes once a reader has the other end open (as FIFOs do).</summary>
    public static Task<FileStream> OpenWriter(string path) =>
        Task.Factory.StartNew(
            () => new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Lets a reader blocked opening the pipe go (it then reads end of stream); does nothing when none waits.</summary>
    public static void ReleaseWaitingReader(string path)
    {
        const int WriteOnlyNonBlocking = 0x1 | 0x800;
        int fd = Open(path, WriteOnlyNonBlocking);
        if (fd >= 0)
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MkFifo(string path, uint mode);
}
