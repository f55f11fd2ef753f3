namespace Kiosk.Content.Tests.Support;

/// <summary>Locations of the fixtures copied beside the test assembly, and of the repository's own folders.</summary>
internal static class TestFiles
{
    public static string TestSource => Path.Combine(AppContext.BaseDirectory, "TestSource");

    public static string TestSeeds => Path.Combine(AppContext.BaseDirectory, "TestSeeds");

    public static string Golden(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", name);

    /// <summary>The committed golden, so KIOSK_UPDATE_GOLDENS=1 rewrites the source file, not the copy in bin/.</summary>
    public static string GoldenSource(string name) => Path.Combine(RepoRoot, "tests", "Kiosk.Content.Tests", "Golden", name);

    public static string RepoRoot => Kiosk.Tests.Shared.Repo.Root;

    /// <summary>The seed papers live beside the repository (../shared/seeds), never inside it.</summary>
    public static string SharedSeeds => Kiosk.Tests.Shared.Repo.SharedSeeds;
}
