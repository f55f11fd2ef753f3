namespace Kiosk.Tests.Shared;

/// <summary>The repository root, found by walking up from the test output folder to Kiosk.sln.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    /// <summary>The seed papers sit beside the repository (../shared/seeds), never inside it.</summary>
    public static string SharedSeeds => System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, "..", "shared", "seeds"));

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Kiosk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kiosk.sln not found above " + AppContext.BaseDirectory);
    }
}
