using System.Diagnostics;
using Kiosk.Host.Tests.Push;

namespace Kiosk.Fleet.Harness;

/// <summary>
/// A running kiosk (<c>kiosk run --config FILE</c>) restarted whenever it exits, as systemd's Restart=always does
/// on a device: a pack that crashes the renderer makes it exit, and only a rollback lets it come back.
/// </summary>
internal sealed class KioskUnderSupervisor : IDisposable
{
    private readonly Process _process;

    public KioskUnderSupervisor(KioskProgram kiosk, string configFile, string log)
    {
        string run = $"{kiosk.Shell} run --config {ShellQuote.Of(configFile)}";
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"while :; do {run} >>{ShellQuote.Of(log)} 2>&1; sleep 0.5; done");
        _process = Process.Start(start)!;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
