using Kiosk.Content.Signing;
using Kiosk.Host.Tests.Packs;

namespace Kiosk.Host.Tests.Push;

/// <summary>
/// Two pretend kiosks behind two real sshd on 127.0.0.1, started once per test class. Kiosk A installs any
/// good pack; kiosk B trusts one signing key, so it installs only packs signed with it.
/// </summary>
public sealed class SshdFixture : IDisposable
{
    /// <summary>The receive limit of both kiosks: well above the test packs, small enough to exceed quickly.</summary>
    public const long MaxBytes = 1024 * 1024;

    private readonly TempDir _dir = new();
    private readonly List<IDisposable> _owned = [];

    public SshdFixture()
    {
        SshTools.RequireSshd();
        Assert.True(File.Exists(Dotnet.KioskDll), $"{Dotnet.KioskDll} not built next to the tests");
        try
        {
            ContentKey = _dir.Combine("content_ed25519");
            string contentKeyLine = SshTools.NewKey(ContentKey, "kiosk-content-key");
            SigningKey = PackKeyFiles.Generate(_dir.Combine("staff")).PrivatePath;
            A = Own(new KioskHostUnderSsh(_dir.Combine("kiosk-a"), contentKeyLine, MaxBytes, trustedPublicKey: null));
            B = Own(new KioskHostUnderSsh(_dir.Combine("kiosk-b"), contentKeyLine, MaxBytes, trustedPublicKey: _dir.Combine("staff.pub")));
            KnownHosts = _dir.Combine("known_hosts");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    internal KioskHostUnderSsh A { get; } = null!;

    internal KioskHostUnderSsh B { get; } = null!;

    /// <summary>The private half of the content key staff push with.</summary>
    public string ContentKey { get; } = string.Empty;

    /// <summary>The pack signing key kiosk B trusts.</summary>
    public string SigningKey { get; } = string.Empty;

    public string KnownHosts { get; } = string.Empty;

    public string Temp => _dir.Path;

    /// <summary>ssh options (KEY=VALUE) that log in with the content key and learn the test host keys on first
    /// use, without touching the user's own known_hosts.</summary>
    public IReadOnlyList<string> SshOptions =>
    [
        $"IdentityFile={ContentKey}",
        "IdentitiesOnly=yes",
        $"UserKnownHostsFile={KnownHosts}",
        "StrictHostKeyChecking=accept-new",
    ];

    /// <summary>The same options as ssh arguments, for running ssh directly.</summary>
    public IEnumerable<string> SshArgs => SshOptions.SelectMany(o => new[] { "-o", o });

    /// <summary>Both sshd logs, for assertion messages.</summary>
    public string Logs => $"sshd A:\n{A?.Server.Log}\nsshd B:\n{B?.Server.Log}";

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _dir.Dispose();
    }

    private KioskHostUnderSsh Own(KioskHostUnderSsh host)
    {
        _owned.Add(host);
        return host;
    }
}
