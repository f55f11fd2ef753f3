using Kiosk.Host.Tests.Packs;

namespace Kiosk.Host.Tests.Push;

/// <summary>
/// One pretend kiosk: a pack store, a trusted-keys folder, and an sshd whose only key is a content key with
/// the forced command <c>kiosk pack receive</c> into that store, as deploy/install.sh sets up on a Pi.
/// </summary>
internal sealed class KioskHostUnderSsh : IDisposable
{
    /// <param name="address">Where its sshd listens: 127.0.0.1, or ::1 for the IPv6 host forms.</param>
    public KioskHostUnderSsh(string dir, string contentKeyLine, long maxBytes, string? trustedPublicKey, System.Net.IPAddress? address = null)
    {
        Dir = dir;
        Store = Path.Combine(dir, "store");
        TrustedKeys = Path.Combine(dir, "trusted-keys");
        Directory.CreateDirectory(TrustedKeys);
        if (trustedPublicKey is not null)
        {
            File.Copy(trustedPublicKey, Path.Combine(TrustedKeys, "staff.pub"));
        }

        string receive = string.Join(' ', [
            ShellQuote.Of(Dotnet.Path), ShellQuote.Of(Dotnet.KioskDll), "pack", "receive",
            "--store", ShellQuote.Of(Store), "--trusted-keys", ShellQuote.Of(TrustedKeys), "--max-bytes", maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            trustedPublicKey is null ? "--allow-unsigned" : string.Empty]);
        // authorized_keys wants the forced command in double quotes, with inner ones escaped.
        string line = $"command=\"{receive.Replace("\"", "\\\"", StringComparison.Ordinal)}\",restrict {contentKeyLine}\n";
        Server = new SshServer(Path.Combine(dir, "sshd"), line, address);
    }

    public string Dir { get; }

    public string Store { get; }

    public string TrustedKeys { get; }

    public SshServer Server { get; }

    /// <summary>The HOST argument of <c>kiosk push</c> for this kiosk (an IPv6 address in brackets).</summary>
    public string Address => Server.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
        ? $"{Environment.UserName}@[{Server.Address}]:{Server.Port}"
        : $"{Environment.UserName}@{Server.Address}:{Server.Port}";

    /// <summary>The sha256 folder <c>current</c> points at, or null.</summary>
    public string? Current => new FileInfo(Path.Combine(Store, "current")).LinkTarget;

    /// <summary>Empties the store, so each test starts from a kiosk with nothing installed.</summary>
    public void Reset()
    {
        if (Directory.Exists(Store))
        {
            Directory.Delete(Store, recursive: true);
        }
    }

    public void Dispose() => Server.Dispose();
}
