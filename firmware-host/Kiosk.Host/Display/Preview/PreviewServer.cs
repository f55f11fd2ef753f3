using System.Net.WebSockets;
using System.Text;
using Kiosk.Host.Input;
using Kiosk.Render.Frames;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Host.Display.Preview;

/// <summary>
/// Serves the preview page on loopback (unless told otherwise): the live frame over a WebSocket as PNGs, and
/// on-screen buttons that post the same commands as the GPIO buttons. Requests are capped small: the page
/// only ever sends a word.
/// </summary>
public sealed class PreviewServer : IHostedService, IAsyncDisposable
{
    private const int MaxMessageBytes = 64;

    /// <summary>Live pages at once; each costs a socket and a PNG in flight, so a flood of them is refused.</summary>
    public const int MaxSockets = 8;

    /// <summary>Connections at once, pages and requests together (see <see cref="PreviewConnectionSlots"/>).</summary>
    public const int MaxConnections = 64;

    /// <summary>A page that has not taken a frame in this long is not reading: it is dropped, not buffered for.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A request's headers must arrive within this, so half-sent requests free their slot quickly.</summary>
    public static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(3);
    private readonly PreviewOptions _options;
    private readonly bool _enabled;
    private readonly PreviewSink _sink;
    private readonly PreviewInput _input;
    private readonly TimeProvider _time;
    private readonly ILogger<PreviewServer> _logger;
    private readonly SemaphoreSlim _frameSignal = new(0, 1);
    private readonly PreviewConnectionSlots _slots = new(MaxConnections);
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private PreviewRequestGuard? _guard;
    private Task? _encoder;
    private TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[] _png = [];
    private long _pngSequence;

    public PreviewServer(IOptions<PreviewOptions> options, IOptions<DisplayOptions> display, PreviewSink sink, PreviewInput input, TimeProvider time, ILogger<PreviewServer> logger)
    {
        _options = options.Value;
        _enabled = display.Value.IsPreview;
        _sink = sink;
        _input = input;
        _time = time;
        _logger = logger;
        _sink.FrameStored += () =>
        {
            if (_frameSignal.CurrentCount == 0)
            {
                try
                {
                    _frameSignal.Release();
                }
                catch (SemaphoreFullException)
                {
                }
            }
        };
    }

    /// <summary>The address actually bound (the port is known only after start when 0 was asked for).</summary>
    public string? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(_options.Url);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 1024;
            k.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            k.Limits.MaxRequestLineSize = 4 * 1024;
            // Not Kestrel's MaxConcurrentConnections, which a client reopening half-sent requests keeps full for ever.
            k.ConfigureEndpointDefaults(listen => listen.Use(_slots.Admit));
            k.Limits.MaxConcurrentUpgradedConnections = MaxSockets;
            // Slow-loris: a connection that dribbles its request must not hold a slot for Kestrel's default 30 s.
            k.Limits.RequestHeadersTimeout = HeadersTimeout;
            k.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(10);
            k.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(bytesPerSecond: 100, gracePeriod: TimeSpan.FromSeconds(2));
        });
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            // Before anything else, the page's own address and origin (see PreviewRequestGuard).
            string? refusal = _guard is null ? "starting" : _guard.Refusal(context.Request);
            if (refusal is not null)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync(refusal, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            // Kestrel enforces MaxRequestBodySize only on a body that is read, and the press endpoints never read
            // theirs: read it here, so an oversized one is refused with 413 before any command is posted.
            if (HttpMethods.IsPost(context.Request.Method))
            {
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
            }

            _slots.Serving(context.Connection.Id);
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                _slots.Served(context.Connection.Id);
            }
        });
        _app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        _app.MapGet("/", () => Results.Content(PreviewPage.Html, "text/html; charset=utf-8"));
        _app.MapGet("/frame.png", () => _pngSequence == 0 ? Results.StatusCode(503) : Results.File(_png, "image/png"));
        _app.MapGet("/state", () => Results.Json(new PreviewState(_pngSequence, _sink.Width, _sink.Height), PreviewJsonContext.Default.PreviewState));
        _app.MapPost("/press/{command}", (string command) =>
        {
            return _input.TryPress(command)
                ? Results.Ok()
                : Results.Json(
                    new PreviewError($"unknown command '{command}' (next, previous, select, back, home, homelong, selectlong)"),
                    PreviewJsonContext.Default.PreviewError,
                    statusCode: StatusCodes.Status400BadRequest);
        });
        _app.Map("/ws", (Func<HttpContext, Task>)ServeSocket);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        Address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? _options.Url;
        _guard = new PreviewRequestGuard(Address);
        _encoder = Task.Run(() => EncodeLoop(_stopping.Token), CancellationToken.None);
        _logger.LogInformation("web preview on {Address}", Address);
        Console.Out.WriteLine($"kiosk: web preview on {Address}");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_encoder is not null)
        {
            await _encoder.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
        _frameSignal.Dispose();
    }

    /// <summary>Encodes the newest frame at most MaxFps times a second; frames in between are skipped, not queued.</summary>
    private async Task EncodeLoop(CancellationToken token)
    {
        Frame? scratch = null;
        var interval = TimeSpan.FromSeconds(1.0 / _options.MaxFps);
        try
        {
            while (!token.IsCancellationRequested)
            {
                await _frameSignal.WaitAsync(token).ConfigureAwait(false);
                long started = _time.GetTimestamp();
                if (scratch is null || scratch.Width != _sink.Width || scratch.Height != _sink.Height)
                {
                    scratch = new Frame(_sink.Width, _sink.Height);
                }

                long sequence = _sink.CopyLatest(scratch);
                if (sequence > 0)
                {
                    _png = FramePng.Encode(scratch);
                    _pngSequence = sequence;
                    Interlocked.Exchange(ref _published, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }

                var rest = interval - _time.GetElapsedTime(started);
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, _time, token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ServeSocket(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            // An upgrade Kestrel would not make is one over MaxSockets: say so, and close rather than keep it alive.
            bool full = context.Request.Headers.Upgrade.Count > 0;
            context.Response.StatusCode = full ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
            if (full)
            {
                context.Response.Headers.Connection = "close";
            }

            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var receive = ReceiveCommands(socket, linked.Token);
        long sent = 0;
        try
        {
            while (socket.State == WebSocketState.Open && !linked.IsCancellationRequested)
            {
                var published = _published.Task;
                if (_pngSequence > sent)
                {
                    long sequence = _pngSequence;
                    byte[] png = _png;
                    if (!await SendFrame(socket, sequence, png, linked.Token).ConfigureAwait(false))
                    {
                        break;
                    }

                    sent = sequence;
                }

                await Task.WhenAny(published, receive).WaitAsync(linked.Token).ConfigureAwait(false);
                if (receive.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
    }

    /// <summary>Sends one frame; a client that does not take it within <see cref="SendTimeout"/> is aborted.</summary>
    private static async Task<bool> SendFrame(WebSocket socket, long sequence, byte[] png, CancellationToken token)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(token);
        bounded.CancelAfter(SendTimeout);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes($"{{\"sequence\":{sequence}}}"), WebSocketMessageType.Text, true, bounded.Token).ConfigureAwait(false);
            await socket.SendAsync(png, WebSocketMessageType.Binary, true, bounded.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            socket.Abort();
            return false;
        }
    }

    private async Task ReceiveCommands(WebSocket socket, CancellationToken token)
    {
        byte[] buffer = new byte[MaxMessageBytes];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (!result.EndOfMessage)
                {
                    // Longer than any command: refuse the connection rather than buffer it.
                    await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "commands are single words", token).ConfigureAwait(false);
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    _input.TryPress(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
    }
}
