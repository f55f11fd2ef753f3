namespace Kiosk.Faults.Support;

/// <summary>Where the repository and the built kiosk are, found from the test output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>The kiosk executable built beside the tests (the Host project is referenced).</summary>
    public static string KioskDll => Path.Combine(AppContext.BaseDirectory, "kiosk.dll");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kiosk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kiosk.sln not found above " + AppContext.BaseDirectory);
    }
}
