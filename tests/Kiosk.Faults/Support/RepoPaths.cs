namespace Kiosk.Faults.Support;

/// <summary>Where the repository and the built kiosk are, found from the test output folder.</summary>
public static class RepoPaths
{
    public static string Root => Kiosk.Tests.Shared.Repo.Root;

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>The kiosk executable built beside the tests (the Host project is referenced).</summary>
    public static string KioskDll => Path.Combine(AppContext.BaseDirectory, "kiosk.dll");

}
