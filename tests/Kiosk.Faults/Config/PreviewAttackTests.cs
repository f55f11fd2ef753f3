using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Kiosk.Faults.Support;
using Kiosk.Host.Display.Preview;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kiosk.Faults.Config;

/// <summary>
/// The adversarial probe's preview attacks against the running host on an ephemeral loopback port: a web page of
/// another origin, a DNS-rebinding Host, a cross-site "simple" POST, a flood of sockets, sockets that never read,
/// and slow-loris requests. Each speaks raw HTTP over TCP, as an attacker would, so no client library tidies it.
/// </summary>
public sealed class PreviewAttackTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Area = "7 preview attacks";
    private PreviewHost? _preview;
    private Uri _address = new("http://127.0.0.1:1");

    public async Task InitializeAsync()
    {
        _preview = await PreviewHost.StartAsync("1920x1080");
        _address = new Uri(_preview.Address);
    }

    public async Task DisposeAsync()
    {
        if (_preview is not null)
        {
            await _preview.DisposeAsync();
        }
    }

    private string OwnHost => $"127.0.0.1:{_address.Port}";

    [Theory]
    // A page on another site that opens ws://127.0.0.1:PORT/ws sends the preview's own Host with its own Origin.
    [InlineData("websocket from another origin", "GET", "/ws", "own", "http://evil.example", true, "", "403")]
    [InlineData("JSON press from another origin", "POST", "/press/next", "own", "http://evil.example", false, "Content-Type: application/json\r\n", "403")]
    [InlineData("websocket, rebound Host", "GET", "/ws", "attacker.example", "", true, "", "403")]
    [InlineData("frame, rebound Host", "GET", "/frame.png", "attacker.example", "", false, "", "403")]
    [InlineData("cross-site text/plain press", "POST", "/press/next", "own", "http://evil.example", false, "Content-Type: text/plain\r\n", "403")]
    [InlineData("same-origin text/plain press (no header)", "POST", "/press/next", "own", "", false, "Content-Type: text/plain\r\n", "403")]
    [InlineData("press with X-Kiosk-Press", "POST", "/press/next", "own", "", false, "X-Kiosk-Press: 1\r\n", "200")]
    [InlineData("press as JSON from its own page", "POST", "/press/next", "own", "own", false, "Content-Type: application/json\r\n", "200")]
    [InlineData("websocket from its own page", "GET", "/ws", "own", "own", true, "", "101")]
    public async Task Foreign_pages_and_hosts_are_refused(string what, string method, string path, string host, string origin, bool upgrade, string extra, string expected)
    {
        host = host == "own" ? OwnHost : host;
        origin = origin == "own" ? $"http://{OwnHost}" : origin;
        var request = new StringBuilder($"{method} {path} HTTP/1.1\r\nHost: {host}\r\n");
        if (origin.Length > 0)
        {
            request.Append($"Origin: {origin}\r\n");
        }

        if (upgrade)
        {
            request.Append("Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
        }

        request.Append(extra);
        request.Append(method == "POST" ? "Content-Length: 1\r\n\r\nx" : "\r\n");
        string status = await StatusOf(request.ToString());
        Results.Record(output, Area, $"{what}: {method} {path}", status, expected);
        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task A_flood_of_websockets_is_capped_and_staff_still_get_the_page()
    {
        var sockets = new List<TcpClient>();
        int upgraded = 0;
        try
        {
            for (int i = 0; i < 3 * PreviewServer.MaxSockets; i++)
            {
                var (client, status) = await Open(UpgradeRequest());
                sockets.Add(client);
                upgraded += status == "101" ? 1 : 0;
            }

            string staff = await StatusOf($"GET / HTTP/1.1\r\nHost: {OwnHost}\r\nConnection: close\r\n\r\n");
            Results.Record(output, Area, $"{sockets.Count} websockets held open: upgraded / staff GET /", $"{upgraded} / {staff}", $"<= {PreviewServer.MaxSockets} / 200");
            Assert.InRange(upgraded, 1, PreviewServer.MaxSockets);
            Assert.Equal("200", staff);
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task A_thousand_idle_sockets_are_capped_and_memory_stays_bounded()
    {
        // The probe's scale: 1,000 upgrade requests held open and never read (its run: 144 -> 572 MB, never given back).
        const int Flood = 1000;
        var before = ProcessMemory.Least();
        var sockets = new List<TcpClient>();
        int upgraded = 0, refused = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            for (int i = 0; i < Flood; i++)
            {
                try
                {
                    var (client, status) = await Open(UpgradeRequest(), timeout: TimeSpan.FromSeconds(5));
                    sockets.Add(client);
                    upgraded += status == "101" ? 1 : 0;
                    // Over the cap Kestrel does not upgrade (the preview answers 503 and closes); over the connection
                    // slots an idle one is dropped or the newcomer reset.
                    refused += status != "101" ? 1 : 0;
                }
                catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
                {
                    // Kestrel resets a connection over its limit before it answers.
                    refused++;
                }
            }

            // Held memory (live managed plus native) rather than resident: resident moves by tens of MB with the GC's
            // young-generation budget and glibc's free lists (-14 to +53 MB over earlier runs against this bound),
            // while sockets or frames the preview kept would be live objects or native buffers, in either part.
            var during = ProcessMemory.Least();
            long held = during.Held - before.Held;
            Results.Record(output, Area, $"{Flood} idle websocket requests held: upgraded / refused / memory held (managed + native) / resident / took", $"{upgraded} / {refused} / {Mb(held)} MB ({Mb(during.Managed - before.Managed)} + {Mb(during.Native - before.Native)}) / {Mb(during.Resident - before.Resident)} MB / {clock.Elapsed.TotalSeconds:F1} s", $"<= {PreviewServer.MaxSockets} / most / < 64 MB held, < 128 MB resident");
            Assert.InRange(upgraded, 1, PreviewServer.MaxSockets);
            Assert.True(refused >= Flood - 64 - PreviewServer.MaxSockets, $"only {refused} of {Flood} refused");
            Assert.True(held < 64L << 20, $"memory held grew {Mb(held)} MB with {Flood} sockets open (managed {Mb(during.Managed - before.Managed)} MB, native {Mb(during.Native - before.Native)} MB)");
            // Committed GC memory not yet touched would lower the native part; resident, with room for the budget,
            // still catches the probe's kind of growth (+428 MB).
            Assert.True(during.Resident - before.Resident < 128L << 20, $"resident memory grew {Mb(during.Resident - before.Resident)} MB with {Flood} sockets open");
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }

        // Once the flood lets go, staff get the page again at once.
        Assert.Equal("200", await StatusOf($"GET / HTTP/1.1\r\nHost: {OwnHost}\r\nConnection: close\r\n\r\n"));
    }

    private static long Mb(long bytes) => bytes / (1 << 20);

    [Fact]
    public async Task A_websocket_that_never_reads_is_dropped()
    {
        // A tiny receive window, so the server's sends back up after a frame or two of 1920x1080 PNG.
        var (client, status) = await Open(UpgradeRequest(), receiveBuffer: 4096);
        using (client)
        {
            Assert.Equal("101", status);
            var input = _preview!.Services.GetRequiredService<Kiosk.Host.Input.PreviewInput>();
            var clock = Stopwatch.StartNew();
            bool dropped = false;
            while (clock.Elapsed < TimeSpan.FromSeconds(40) && !dropped)
            {
                input.TryPress("next");
                await Task.Delay(500);
                dropped = IsClosedByServer(client, clock.Elapsed > PreviewServer.SendTimeout * 3);
            }

            Results.Record(output, Area, "websocket that never reads, frames pushed: dropped after", dropped ? $"{clock.Elapsed.TotalSeconds:F1} s" : "not dropped in 40 s", $"dropped (send timeout {PreviewServer.SendTimeout.TotalSeconds} s)");
            Assert.True(dropped, "the server kept a client that does not read");
        }
    }

    [Fact]
    public async Task Slow_loris_requests_do_not_lock_staff_out()
    {
        var loris = new List<TcpClient>();
        using var stop = new CancellationTokenSource();
        try
        {
            // More half-sent requests than the server has connection slots, each dribbling a header line a second.
            for (int i = 0; i < 80; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", _address.Port);
                await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {OwnHost}\r\n"));
                loris.Add(client);
            }

            var dribble = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    foreach (var c in loris)
                    {
                        try
                        {
                            await c.GetStream().WriteAsync(Encoding.ASCII.GetBytes("X-a: b\r\n"));
                        }
                        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
                        {
                        }
                    }

                    await Task.Delay(1000);
                }
            });

            var clock = Stopwatch.StartNew();
            string status = "none";
            while (clock.Elapsed < TimeSpan.FromSeconds(40) && status != "200")
            {
                try
                {
                    status = await StatusOf($"GET / HTTP/1.1\r\nHost: {OwnHost}\r\nConnection: close\r\n\r\n", TimeSpan.FromSeconds(2));
                }
                catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
                {
                    status = ex.GetType().Name;
                }
            }

            await stop.CancelAsync();
            await dribble;
            Results.Record(output, Area, "80 slow-loris requests: staff GET / answered after", $"{clock.Elapsed.TotalSeconds:F1} s ({status})", $"< 15 s (headers timeout {PreviewServer.HeadersTimeout.TotalSeconds} s; was 35 s)");
            Assert.Equal("200", status);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"staff locked out for {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            loris.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task A_client_that_keeps_reopening_half_sent_requests_does_not_lock_staff_out()
    {
        // The probe's follow-up: one loopback client, twice as many connections as the server has slots, each sending
        // half a request and holding it until the server lets go (a quarter drop theirs at once), then opening the
        // next one at once. Dribbling slow-loris connections free their slots after the headers timeout; these
        // never stop coming back.
        string frame = $"GET /frame.png HTTP/1.1\r\nHost: {OwnHost}\r\nConnection: close\r\n\r\n";
        for (int i = 0; i < 100 && await StatusOf(frame) != "200"; i++)
        {
            await Task.Delay(100);
        }

        byte[] half = Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {OwnHost}\r\n");
        using var stop = new CancellationTokenSource();
        long opened = 0;
        var workers = Enumerable.Range(0, 2 * PreviewServer.MaxConnections).Select(i => Task.Run(async () =>
        {
            var buffer = new byte[256];
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync("127.0.0.1", _address.Port, stop.Token);
                    Interlocked.Increment(ref opened);
                    var stream = client.GetStream();
                    await stream.WriteAsync(half, stop.Token);
                    while (i % 4 != 0 && await stream.ReadAsync(buffer, stop.Token) > 0)
                    {
                    }
                }
                catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
                {
                }
            }
        })).ToArray();

        int answered = 0, tries = 0;
        var missed = new List<string>();
        try
        {
            // The flood is under way once every worker has come back for more.
            while (Interlocked.Read(ref opened) < 4 * PreviewServer.MaxConnections)
            {
                await Task.Delay(50);
            }

            // Five staff loads of the frame, each allowed five tries (a browser's reloads) of 2 s: under a flood that
            // keeps both cores busy a newcomer can still lose the race to be read before 64 more connections arrive.
            for (int load = 0; load < 5; load++)
            {
                for (int attempt = 0; attempt < 5; attempt++)
                {
                    tries++;
                    string status;
                    try
                    {
                        status = await StatusOf(frame, TimeSpan.FromSeconds(2));
                    }
                    catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
                    {
                        status = ex.GetType().Name;
                    }

                    if (status == "200")
                    {
                        answered++;
                        break;
                    }

                    missed.Add(status);
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        Results.Record(output, Area, $"one client reopening {2 * PreviewServer.MaxConnections} half-sent requests ({Interlocked.Read(ref opened)} opened): staff frame loads answered / tries (missed)", $"{answered} of 5 / {tries} ({string.Join(", ", missed)})", "5 of 5");
        Assert.Equal(5, answered);
    }

    private string UpgradeRequest() =>
        $"GET /ws HTTP/1.1\r\nHost: {OwnHost}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";

    private async Task<string> StatusOf(string request, TimeSpan? timeout = null)
    {
        var (client, status) = await Open(request, timeout: timeout);
        client.Dispose();
        return status;
    }

    /// <summary>Sends a raw request and reads the status code of the answer's first line.</summary>
    private async Task<(TcpClient Client, string Status)> Open(string request, int receiveBuffer = 0, TimeSpan? timeout = null)
    {
        var client = new TcpClient();
        if (receiveBuffer > 0)
        {
            client.ReceiveBufferSize = receiveBuffer;
        }

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        await client.ConnectAsync("127.0.0.1", _address.Port, cts.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cts.Token);
        var line = new StringBuilder();
        var one = new byte[1];
        while (!line.ToString().EndsWith("\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, cts.Token) == 0)
            {
                return (client, "closed");
            }

            line.Append((char)one[0]);
        }

        string[] parts = line.ToString().Split(' ');
        return (client, parts.Length > 1 ? parts[1] : line.ToString().Trim());
    }

    /// <summary>True when the server has closed or reset the connection; drains what it sent only when asked.</summary>
    private static bool IsClosedByServer(TcpClient client, bool drain)
    {
        if (!drain)
        {
            return false;
        }

        var socket = client.Client;
        var buffer = new byte[1 << 20];
        try
        {
            while (socket.Poll(200_000, SelectMode.SelectRead))
            {
                if (socket.Receive(buffer) == 0)
                {
                    return true;
                }
            }

            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
