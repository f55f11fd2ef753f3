namespace Kiosk.Host.Tests.Deploy;

/// <summary>Finds the repository's deploy/ folder from the test binaries.</summary>
internal static class RepoFiles
{
    public static string DeployDir { get; } = Find();

    public static string Deploy(string name) => Path.Combine(DeployDir, name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "deploy");
            if (File.Exists(Path.Combine(candidate, "kiosk.service")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"deploy/kiosk.service not found above {AppContext.BaseDirectory}");
    }
}
