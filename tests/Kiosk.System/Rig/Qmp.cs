using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiosk.SystemTests.Rig;

/// <summary>
/// QEMU's machine protocol over its unix socket: one JSON object a line, asynchronous events in between the
/// answers. What the tests use: screendump (PNG), input-send-event (keys), stop/cont, migrate (snapshots) and quit.
/// </summary>
public sealed class Qmp : IDisposable
{
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly Stream _stream;

    private Qmp(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(_stream, Encoding.UTF8);
    }

    /// <summary>Connects (QEMU may still be creating the socket) and leaves capabilities negotiation done.</summary>
    public static Qmp Connect(string socketPath, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(socketPath));
                socket.ReceiveTimeout = 120_000;
                var qmp = new Qmp(socket);
                qmp.ReadLine(); // greeting
                qmp.Execute("qmp_capabilities");
                return qmp;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                socket.Dispose();
                Thread.Sleep(100);
            }
        }
    }

    public JsonNode? Execute(string command, object? arguments = null)
    {
        var request = new JsonObject { ["execute"] = command };
        if (arguments is not null)
        {
            request["arguments"] = JsonSerializer.SerializeToNode(arguments);
        }

        byte[] line = Encoding.UTF8.GetBytes(request.ToJsonString() + "\n");
        _stream.Write(line);
        while (true)
        {
            var answer = JsonNode.Parse(ReadLine())!;
            if (answer["error"] is { } error)
            {
                throw new InvalidOperationException($"QMP {command}: {error.ToJsonString()}");
            }

            if (answer.AsObject().ContainsKey("return"))
            {
                return answer["return"];
            }
        }
    }

    /// <summary>The glass as QEMU's display device holds it, written as a PNG file.</summary>
    public void Screendump(string pngPath) =>
        Execute("screendump", new Dictionary<string, object> { ["filename"] = pngPath, ["format"] = "png" });

    /// <summary>
    /// A key pressed and released (QEMU key names: right, left, ret, esc, home, h). Without <paramref name="display"/>
    /// it goes to the boot keyboard; with a display's id (deploy/vm/boot.sh names it video0) it goes only to a
    /// keyboard bound to that display (device_add ...,display=video0): QEMU's input routing sends an event from a
    /// console to the handler bound to it, and unrouted events to the first keyboard bound to none.
    /// </summary>
    public void Tap(string qcode, string? display = null)
    {
        foreach (bool down in new[] { true, false })
        {
            var arguments = new Dictionary<string, object>
            {
                ["events"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["type"] = "key",
                        ["data"] = new Dictionary<string, object>
                        {
                            ["down"] = down,
                            ["key"] = new Dictionary<string, object> { ["type"] = "qcode", ["data"] = qcode },
                        },
                    },
                },
            };
            if (display is not null)
            {
                arguments["device"] = display;
            }

            Execute("input-send-event", arguments);
            Thread.Sleep(60);
        }
    }

    private string ReadLine() => _reader.ReadLine() ?? throw new IOException("QMP socket closed (QEMU exited)");

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
        _socket.Dispose();
    }
}
