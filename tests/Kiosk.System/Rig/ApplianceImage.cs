namespace Kiosk.SystemTests.Rig;

/// <summary>
/// The appliance image for this test run: the kiosk published for linux-x64 from this checkout, installed into
/// Debian trixie by deploy/vm/image.sh (which rebuilds only when a hash of its inputs changed), plus the same
/// published kiosk on the host to render the expected glass and to push packs.
/// </summary>
public sealed class ApplianceImage
{
    private static readonly Lazy<ApplianceImage> Built = new(() => new ApplianceImage());

    private ApplianceImage()
    {
        Requirements.Check();
        // The same script staff run (build + self-contained publish); a test run builds the image at most once.
        PublishedKiosk = global::Kiosk.Tests.Shared.PublishedKiosk.Dir;
        PublishSeconds = global::Kiosk.Tests.Shared.PublishedKiosk.Seconds;
        Dir = Repo.Path("artifacts", "vm", "amd64");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // The museum's signing key, made once and kept beside the image (a new key every run would change the
        // image's input hash and rebuild it): the image trusts it, and every pack the tests push is signed with it.
        Directory.CreateDirectory(Dir);
        if (!File.Exists(SigningKey) || !File.Exists(SigningPublicKey))
        {
            File.Delete(SigningKey);
            File.Delete(SigningPublicKey);
            Command.Must(Kiosk, ["keygen", "--out", Path.Combine(Dir, "signing")], TimeSpan.FromMinutes(1));
        }

        var image = Command.Must("bash", [Repo.Path("deploy", "vm", "image.sh"), "--kiosk", PublishedKiosk, "--trusted-key", SigningPublicKey, "-o", Dir], TimeSpan.FromMinutes(15));
        ImageSeconds = clock.Elapsed.TotalSeconds;
        ImageLog = image.Stderr.Trim();
    }

    public static ApplianceImage Instance => Built.Value;

    public string Dir { get; }

    public string PublishedKiosk { get; }

    public string Kiosk => Path.Combine(PublishedKiosk, "kiosk");

    public string AdminKey => Path.Combine(Dir, "admin_key");

    public string ContentKey => Path.Combine(Dir, "content_key");

    public string Disk => Path.Combine(Dir, "disk.img");

    /// <summary>The private half of the key the image trusts (install.sh --trusted-key).</summary>
    public string SigningKey => Path.Combine(Dir, "signing.key");

    public string SigningPublicKey => Path.Combine(Dir, "signing.pub");

    /// <summary>Signs a pack in place with the key the appliance trusts, as staff would before a push.</summary>
    public string Sign(string pack)
    {
        Command.Must(Kiosk, ["pack", "sign", pack, "--key", SigningKey], TimeSpan.FromMinutes(1));
        return pack;
    }

    public double PublishSeconds { get; }

    public double ImageSeconds { get; }

    public string ImageLog { get; }

    /// <summary>A private copy of the disk (sparse, a second or two), so every VM starts from the image as built.</summary>
    public string CopyDisk(string path)
    {
        Command.Must("cp", ["--sparse=always", Disk, path], TimeSpan.FromMinutes(2));
        return path;
    }

    /// <summary>The host's own render of a screen, at the glass's size: what the VM must show.</summary>
    public string Render(string screen, string output, string? pack = null)
    {
        List<string> args = ["render", "--profile", "1920x1080", "--screen", screen, "-o", output];
        if (pack is not null)
        {
            args.AddRange(["--pack", pack]);
        }
        else
        {
            args.AddRange(["--pack", Path.Combine(PublishedKiosk, "builtin.kpack")]);
        }

        Command.Must(Kiosk, args, TimeSpan.FromMinutes(2));
        return output;
    }
}
