namespace Kiosk.Host.Tests.Deploy;

/// <summary>The repository's deploy/ folder, as the tests see it.</summary>
internal static class RepoFiles
{
    public static string DeployDir => Repo.Path("deploy");

    public static string Deploy(string name) => Path.Combine(DeployDir, name);
}
