using System.Security.Cryptography;

namespace Kiosk.Host.Packs;

/// <summary>
/// Where things are in a store: <c>&lt;root&gt;/&lt;sha256&gt;/pack.kpack</c> and <c>installed.json</c> per pack,
/// <c>current</c> (shown) and <c>committed</c> (proved on the glass) relative symlinks to those folders, <c>.staging/</c> for installs in progress.
/// </summary>
internal sealed class StoreLayout(string root)
{
    public const string PackFileName = "pack.kpack";
    public const string CurrentName = "current";
    public const string CommittedName = "committed";

    public string Root { get; } = Path.GetFullPath(root);

    public string Current => Path.Combine(Root, CurrentName);

    /// <summary>The last pack that proved itself on the glass; where a failed trial returns to.</summary>
    public string Committed => Path.Combine(Root, CommittedName);

    public string Staging => Path.Combine(Root, ".staging");

    public string Lock => Path.Combine(Root, ".lock");

    public string TempLink(string linkName) => Path.Combine(Root, $"{linkName}.tmp-{Environment.ProcessId}");

    public string PackDir(string sha256) => Path.Combine(Root, sha256);

    public string PackFile(string sha256) => Path.Combine(Root, sha256, PackFileName);

    public string NewStagingDir() => Path.Combine(Staging, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));

    /// <summary>Temporary links left by a process that was killed between creating and renaming one.</summary>
    public IEnumerable<string> LeftoverTempLinks() =>
        Directory.Exists(Root)
            ? new[] { CurrentName, CommittedName }.SelectMany(n => Directory.EnumerateFileSystemEntries(Root, n + ".tmp-*"))
            : [];

    /// <summary>Folder names that can be installed packs: 64 lower-case hex digits.</summary>
    public static bool IsPackDirName(string name) =>
        name.Length == 64 && name.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
