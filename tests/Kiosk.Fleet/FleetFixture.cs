using Kiosk.Fleet.Harness;
using Kiosk.Host.Tests.Packs;
using Kiosk.Host.Tests.Push;

namespace Kiosk.Fleet;

/// <summary>
/// Eight kiosks running on PNG displays behind their own sshd, all showing pack 1.0.0 from their stores, and a
/// ninth host that is offline (nothing listens on its port). k02 also reads keys from a FIFO (evdev records).
/// k03's sshd listens on ::1 only and the inventory names it <c>ansible_host=::1</c> with its port, so every
/// rollout and gather also reaches one host by an IPv6 address (push, status fanout, Ansible's own ssh).
/// Started once for the fleet tests; each test leaves the fleet in a state the others can start from.
/// </summary>
public sealed class FleetFixture : IDisposable
{
    public const string KeysHost = "k02";

    public const string Ipv6Host = "k03";

    private readonly Lock _gate = new();
    private FileStream? _keys;

    public FleetFixture()
    {
        Packs = new TestPacks();
        Fleet = new TestFleet(online: 8, offline: 1, inputs: (name, dir) => name == KeysHost ? [$"evdev:{MakeFifo(dir)}"] : null,
            ipv6: new HashSet<string> { Ipv6Host });
        try
        {
            string first = Packs.Pack("1.0.0");

            // k02's key source must be live before its kiosk starts: a pack is committed only with the inputs alive
            // (the health gate), and a FIFO with no writer ends the source. Read-write opens without waiting for a reader.
            _keys = new FileStream(KeysFifo, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
            foreach (var host in Fleet.OnlineHosts)
            {
                host.Install(first);
                host.StartKiosk();
            }

            string sha = Fleet.OnlineHosts.First().Current!;
            foreach (var host in Fleet.OnlineHosts)
            {
                TestFleet.WaitForStatus(host, s => TestFleet.PackOnGlass(s) == sha, "showing pack 1.0.0");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    internal TestFleet Fleet { get; }

    internal TestPacks Packs { get; }

    /// <summary>The FIFO k02's kiosk reads key events from.</summary>
    internal string KeysFifo => Path.Combine(Fleet[KeysHost].Dir, "keys.fifo");

    /// <summary>Writes key event records to k02's FIFO. Our end stays open: closing it would end the kiosk's key source.</summary>
    internal void SendKeys(byte[] records)
    {
        lock (_gate)
        {
            _keys ??= new FileStream(KeysFifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            _keys.Write(records);
        }
    }

    public void Dispose()
    {
        _keys?.Dispose();
        Fleet?.Dispose();
        Packs?.Dispose();
    }

    private static string MakeFifo(string dir)
    {
        Directory.CreateDirectory(dir);
        string fifo = Path.Combine(dir, "keys.fifo");
        var made = ChildProcess.Run("mkfifo", [fifo]);
        Assert.True(made.ExitCode == 0, $"mkfifo failed: {made}");
        return fifo;
    }
}

[CollectionDefinition(Name)]
public sealed class FleetCollection : ICollectionFixture<FleetFixture>
{
    public const string Name = "fleet";
}
