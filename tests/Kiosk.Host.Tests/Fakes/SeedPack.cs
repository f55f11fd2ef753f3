using Kiosk.Content.Packing;

namespace Kiosk.Host.Tests.Fakes;

/// <summary>
/// The built-in pack, compiled from the repository's seeds/ once per test run, so host tests show real content
/// without depending on where a particular build configuration put builtin.kpack.
/// </summary>
public static class SeedPack
{
    private static readonly Lazy<string> Built = new(() =>
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kiosk-seed-pack-{Environment.ProcessId}.kpack");
        return PackBuilder.Build(Repo.Path("seeds"), path);
    });

    public static string Path => Built.Value;

    public static string RepoRoot => Kiosk.Tests.Shared.Repo.Root;
}
