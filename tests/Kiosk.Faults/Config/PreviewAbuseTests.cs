using System.Net;
using System.Net.WebSockets;
using Kiosk.Faults.Support;
using Kiosk.Host.Display.Preview;
using Xunit.Abstractions;

namespace Kiosk.Faults.Config;

/// <summary>The running host's web preview on an ephemeral loopback port, fed oversized requests and messages.</summary>
public sealed class PreviewAbuseTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Area = "6 config and input abuse";
    private PreviewHost? _preview;
    private string _address = string.Empty;

    public async Task InitializeAsync()
    {
        _preview = await PreviewHost.StartAsync("320x240");
        _address = _preview.Address;
    }

    public async Task DisposeAsync()
    {
        if (_preview is not null)
        {
            await _preview.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_one_megabyte_press_is_refused()
    {
        using var http = new HttpClient();
        string verdict;
        try
        {
            using var big = new ByteArrayContent(new byte[1024 * 1024]);
            big.Headers.Add(PreviewRequestGuard.PressHeader, "1");
            using var response = await http.PostAsync($"{_address}/press/next", big);
            verdict = $"{(int)response.StatusCode} {response.StatusCode}";
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            verdict = $"connection closed ({ex.HttpRequestError})";
        }

        using var empty = new ByteArrayContent([]);
        empty.Headers.Add(PreviewRequestGuard.PressHeader, "1");
        using var small = await http.PostAsync($"{_address}/press/next", empty);
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
