using System.Net;
using System.Text.Json;
using Kiosk.Host.Packs;
using Kiosk.Host.Tests.Push;

namespace Kiosk.Fleet.Harness;

/// <summary>
/// One kiosk of the test fleet: its own store, settings and status file, and a real sshd on 127.0.0.1 (or ::1) with two
/// keys, as install.sh and an admin account set them up on a Pi: the content key (forced command
/// <c>kiosk pack receive</c>, restrict) and the admin key (a shell). Optionally a running kiosk on a PNG display.
/// An offline host has a port nobody listens on.
/// </summary>
internal sealed class FleetHost : IDisposable
{
    private readonly SshServer? _server;
    private KioskUnderSupervisor? _kiosk;

    /// <param name="forcedCommand">The content key's forced command instead of <c>kiosk pack receive</c> (the
    /// benchmark's free answer, <c>cat</c> of a status file), given this host's store.</param>
    /// <param name="kiosk">The kiosk this host runs (its forced command, its running kiosk).</param>
    /// <param name="ipv6">Listen on ::1 only, not 127.0.0.1: the inventory then names it by an IPv6 address.</param>
    public FleetHost(string name, string dir, string contentKeyLine, string adminKeyLine, bool online, KioskProgram kiosk, string[]? inputs = null,
        Func<string, string>? forcedCommand = null, bool ipv6 = false)
    {
        Address = ipv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        Name = name;
        Kiosk = kiosk;
        Dir = dir;
        Directory.CreateDirectory(dir);
        Store = Path.Combine(dir, "store");
        ConfigFile = Path.Combine(dir, "kiosk.json");
        Frames = Path.Combine(dir, "frames");
        File.WriteAllText(ConfigFile, JsonSerializer.Serialize(new
        {
            Kiosk = new { Display = $"png:{Frames}", Profile = "320x240", Store, PackPollInterval = "00:00:00.200", Inputs = inputs ?? [], AllowUnsignedPacks = true },
            Status = new { WriteInterval = "00:00:00.200" },
        }));
        if (!online)
        {
            Port = SshTools.ClosedPort();
            return;
        }

        string receive = forcedCommand?.Invoke(Store) ?? $"{kiosk.Shell} pack receive --allow-unsigned --store {ShellQuote.Of(Store)}";
        string keys = $"command=\"{receive.Replace("\"", "\\\"", StringComparison.Ordinal)}\",restrict {contentKeyLine}\n{adminKeyLine}\n";
        _server = new SshServer(Path.Combine(dir, "sshd"), keys, Address);
        Port = _server.Port;
    }

    public string Name { get; }

    public KioskProgram Kiosk { get; }

    public string Dir { get; }

    public string Store { get; }

    public string ConfigFile { get; }

    /// <summary>Where the PNG display writes frames.</summary>
    public string Frames { get; }

    public int Port { get; }

    /// <summary>Where its sshd listens: 127.0.0.1, or ::1.</summary>
    public IPAddress Address { get; }

    public bool Online => _server is not null;

    /// <summary>The host's listening sshd, or null offline.</summary>
    public int? SshdProcessId => _server?.ProcessId;

    public string KioskLog => Path.Combine(Dir, "kiosk.log");

    public string SshdLog => _server?.Log ?? "(offline)";

    /// <summary>The sha256 the store's <c>current</c> points at, or null.</summary>
    public string? Current => new PackStore(new PackStoreOptions { Root = Store }, TimeProvider.System).List().FirstOrDefault(p => p.IsCurrent)?.Sha256;

    public void Install(string pack)
    {
        // The fleet's test packs are unsigned; signing has its own tests (Kiosk.Host.Tests, Kiosk.Faults).
        var installed = new PackStore(new PackStoreOptions { Root = Store, AllowUnsigned = true }, TimeProvider.System).Install(pack);
        Assert.True(installed.Ok, $"{Name}: {string.Join("; ", installed.Problems)}");
    }

    public void StartKiosk() => _kiosk ??= new KioskUnderSupervisor(Kiosk, ConfigFile, KioskLog);

    /// <summary>Kills the kiosk and its supervisor at once (SIGKILL): no clean stop, as a power cut would.</summary>
    public void KillKiosk()
    {
        _kiosk?.Dispose();
        _kiosk = null;
    }

    public void Dispose()
    {
        _kiosk?.Dispose();
        _server?.Dispose();
    }
}
