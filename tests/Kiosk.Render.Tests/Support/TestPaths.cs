namespace Kiosk.Render.Tests.Support;

/// <summary>Fixtures copied beside the test assembly, and the repository's own folders.</summary>
internal static class TestPaths
{
    public static string TestSource => Path.Combine(AppContext.BaseDirectory, "TestSource");

    public static string Golden(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", name);

    /// <summary>The committed golden, so KIOSK_UPDATE_GOLDENS=1 rewrites the source file, not the copy in bin/.</summary>
    public static string GoldenSource(string name) => Path.Combine(RepoRoot, "tests", "Kiosk.Render.Tests", "Golden", name);

    /// <summary>Where a failing golden test leaves the actual and diff images for a person to look at.</summary>
    public static string FailureOutput(string name) => Path.Combine(AppContext.BaseDirectory, "golden-failures", name);

    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    public static string RepoRoot => Kiosk.Tests.Shared.Repo.Root;
}
