using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Kiosk.Host.Cli;

/// <summary>
/// Asks the kernel, as <c>kiosk run</c> begins, to read the kiosk's executable and native libraries into the page
/// cache in the background. At boot the cache is cold, and the code would otherwise come in a page at a time as it
/// first runs: one small read per page fault, slow on a Pi's SD card and under the system tests' emulation.
/// posix_fadvise(WILLNEED) starts large sequential reads and returns at once; where it fails nothing is lost.
/// </summary>
internal static partial class StartupReadahead
{
    private const int WillNeed = 3;

    public static void Begin()
    {
        var files = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.so").Prepend(Environment.ProcessPath);
        foreach (string? path in files)
        {
            try
            {
                using var file = File.OpenHandle(path ?? string.Empty);
                _ = PosixFadvise(file, 0, 0, WillNeed);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int PosixFadvise(SafeFileHandle file, long offset, long length, int advice);
}
