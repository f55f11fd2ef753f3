using Kiosk.Host;
using Kiosk.Host.Display.Preview;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kiosk.Faults.Support;

/// <summary>The running host with its web preview on an ephemeral loopback port, for the preview's abuse and attack tests.</summary>
public sealed class PreviewHost : IAsyncDisposable
{
    private readonly IHost _host;

    private PreviewHost(IHost host, string address)
    {
        _host = host;
        Address = address;
    }

    public string Address { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<PreviewHost> StartAsync(string profile)
    {
        var dir = new TempDir();
        string config = dir.Combine("kiosk.json");
        File.WriteAllText(config, "{}");
        var host = KioskHost.Build(config, new Dictionary<string, string?>
        {
            ["Kiosk:Pack"] = SeedPack.Path,
            ["Kiosk:Store"] = dir.Combine("store"),
            ["Kiosk:Display"] = "preview",
            ["Kiosk:Profile"] = profile,
            ["Preview:Url"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await host.StartAsync();
        // The settings file is read at build; the store is never written (the pack is a file).
        dir.Dispose();
        return new PreviewHost(host, host.Services.GetRequiredService<PreviewServer>().Address!);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
