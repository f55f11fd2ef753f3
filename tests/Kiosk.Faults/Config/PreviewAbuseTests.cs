using System.Net;
using System.Net.WebSockets;
using Kiosk.Faults.Support;
using Kiosk.Host.Display.Preview;
using Kiosk.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Kiosk.Faults.Config;

/// <summary>The running host's web preview on an ephemeral loopback port, fed oversized requests and messages.</summary>
public sealed class PreviewAbuseTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Area = "6 config and input abuse";
    private readonly TempDir _dir = new();
    private IHost? _host;
    private string _address = string.Empty;

    public async Task InitializeAsync()
    {
        string config = _dir.Combine("kiosk.json");
        File.WriteAllText(config, "{}");
        _host = KioskHost.Build(config, new Dictionary<string, string?>
        {
            ["Kiosk:Pack"] = SeedPacks.A,
            ["Kiosk:Store"] = _dir.Combine("store"),
            ["Kiosk:Display"] = "preview",
            ["Kiosk:Profile"] = "320x240",
            ["Preview:Url"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await _host.StartAsync();
        _address = _host.Services.GetRequiredService<PreviewServer>().Address!;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task A_one_megabyte_press_is_refused()
    {
        using var http = new HttpClient();
        string verdict;
        try
        {
            using var response = await http.PostAsync($"{_address}/press/next", new ByteArrayContent(new byte[1024 * 1024]));
            verdict = $"{(int)response.StatusCode} {response.StatusCode}";
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            verdict = $"connection closed ({ex.HttpRequestError})";
        }

        using var small = await http.PostAsync($"{_address}/press/next", null);
        Results.Record(output, Area, "POST 1 MB to /press/next (an empty press still works)", $"{verdict} ({(int)small.StatusCode})", "413 or closed");
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    [Fact]
    public async Task A_ten_kilobyte_websocket_message_closes_the_socket()
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(_address.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws"), CancellationToken.None);
        await socket.SendAsync(new byte[10 * 1024], WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

        var buffer = new byte[256 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string verdict;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    verdict = $"closed by the server: {socket.CloseStatus} ({socket.CloseStatusDescription})";
                    break;
                }
            }
        }
        catch (WebSocketException ex)
        {
            verdict = $"connection dropped ({ex.WebSocketErrorCode})";
        }

        Results.Record(output, Area, "10 KB websocket message", verdict, "closed");
        Assert.NotEqual(WebSocketState.Open, socket.State);
    }
}
