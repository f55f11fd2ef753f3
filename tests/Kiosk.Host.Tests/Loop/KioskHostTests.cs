using Kiosk.Host;
using Kiosk.Host.Input;
using Kiosk.Host.Loop;
using Kiosk.Host.Navigation;
using Kiosk.Host.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace Kiosk.Host.Tests.Loop;

/// <summary>`kiosk run` as a service: first frame, READY, presses becoming frames, watchdog pings.</summary>
public sealed class KioskHostTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task FirstFrameReachesTheDisplayThenReadyThenPressesMakeFrames()
    {
        var notifier = new RecordingNotifier();
        string frames = Path.Combine(_temp.Path, "frames");
        using var host = KioskHost.Build(null, new Dictionary<string, string?>
        {
            ["Kiosk:Pack"] = SeedPack.Path,
            ["Kiosk:Store"] = Path.Combine(_temp.Path, "store"),
            ["Kiosk:Display"] = "png:" + frames,
            ["Kiosk:Profile"] = "320x240",
        }, configure: s => s.AddSingleton<ISystemdNotifier>(notifier));
        await host.StartAsync();
        try
        {
            var loop = host.Services.GetRequiredService<FrameLoop>();
            await loop.FirstFrame.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Single(Directory.GetFiles(frames, "*.png"));
            Assert.Equal("READY=1", notifier.States[0]);

            host.Services.GetRequiredService<CommandQueue>().Post(NavCommand.Select);
            // How many frames the 300 ms transition gets depends on the machine's load; at least one must come.
            await WaitUntil(() => Directory.GetFiles(frames, "*.png").Length > 1);
            await WaitUntil(() => notifier.States.Contains("WATCHDOG=1"));

            // At rest nothing changes, so nothing is rendered: frames stop, pings go on.
            long settled = -1;
            for (int i = 0; i < 30 && settled != loop.Frames; i++)
            {
                settled = loop.Frames;
                await Task.Delay(500);
            }

            await Task.Delay(400);
            Assert.Equal(settled, loop.Frames);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "condition not reached within 15 s");
    }
}
