using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Kiosk.Content.Packing;

namespace Kiosk.SystemTests.Rig;

/// <summary>
/// Reads the pack store straight from a VM's disk image on the host after a power cut, as the next boot would
/// find it: e2fsck replays the ext4 journal and repairs (as the initramfs does at boot), then debugfs reads
/// the <c>current</c> link and the pack it names, which must be whole (its sha256 is its folder's name) and
/// load with the kiosk's own reader.
/// </summary>
public static partial class DiskStore
{
    public const string Store = "/var/lib/kiosk/packs";

    public sealed record Found(int FsckExit, string? Current, string? PackId, string? Version, string Problem)
    {
        public bool Valid => Problem.Length == 0;
    }

    public static Found Check(string disk, string scratch)
    {
        // -f: check even if clean; -y: repair as the boot's fsck would (-p) and more. Exit 0 clean, 1 repaired.
        var fsck = Command.Run("/usr/sbin/e2fsck", ["-f", "-y", disk], TimeSpan.FromMinutes(3));
        if (fsck.ExitCode >= 4)
        {
            return new Found(fsck.ExitCode, null, null, null, $"e2fsck left errors: {fsck.Stdout}");
        }

        // The target (64 hex digits) is too long for an inline "fast" symlink, so it sits in a data block, which
        // debugfs's cat prints (it does not follow the last component of a path).
        var stat = Debugfs(disk, $"stat {Store}/current");
        if (!stat.Contains("Type: symlink", StringComparison.Ordinal))
        {
            return new Found(fsck.ExitCode, null, null, null, stat.Contains("File not found", StringComparison.Ordinal) ? "no current link" : $"current is not a link: {stat}");
        }

        var target = LinkTarget().Match(Debugfs(disk, $"cat {Store}/current").Trim());
        if (!target.Success)
        {
            return new Found(fsck.ExitCode, null, null, null, "current is a link to no pack folder");
        }

        string sha = target.Groups[1].Value;
        string local = Path.Combine(scratch, "current.kpack");
        File.Delete(local);
        Debugfs(disk, $"dump {Store}/{sha}/pack.kpack {local}");
        if (!File.Exists(local))
        {
            return new Found(fsck.ExitCode, sha, null, null, $"current -> {sha}, whose pack.kpack is missing");
        }

        string actual;
        using (var file = File.OpenRead(local))
        {
            actual = Convert.ToHexStringLower(SHA256.HashData(file));
        }

        if (actual != sha)
        {
            return new Found(fsck.ExitCode, sha, null, null, $"current -> {sha}, but its pack.kpack hashes to {actual} ({new FileInfo(local).Length} bytes): torn");
        }

        string record = Debugfs(disk, $"cat {Store}/{sha}/installed.json");
        if (!record.TrimStart().StartsWith('{'))
        {
            return new Found(fsck.ExitCode, sha, null, null, $"current -> {sha}, whose installed.json is unreadable: '{record}'");
        }

        try
        {
            var pack = PackReader.Read(local);
            return new Found(fsck.ExitCode, sha, pack.Manifest.Id, pack.Manifest.Version, string.Empty);
        }
        catch (Exception e) when (e is Kiosk.Content.Diagnostics.ContentException or InvalidDataException or IOException)
        {
            return new Found(fsck.ExitCode, sha, null, null, $"current -> {sha}, which the kiosk cannot load: {e.Message}");
        }
    }

    /// <summary>A file of the disk as debugfs prints it (empty when it is not there); run <see cref="Check"/> first (e2fsck).</summary>
    public static string Cat(string disk, string path) => Debugfs(disk, $"cat {path}");

    private static string Debugfs(string disk, string request) =>
        Command.Run("/usr/sbin/debugfs", ["-R", request, disk], TimeSpan.FromMinutes(1)).Stdout;

    [GeneratedRegex("^([0-9a-f]{64})/?$")]
    private static partial Regex LinkTarget();
}
