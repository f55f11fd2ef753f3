namespace Kiosk.Tests.Shared;

/// <summary>
/// The kiosk as it ships for x64 Linux: <c>deploy/publish.sh linux-x64</c> (Native AOT, self-contained, no test
/// hooks), the same script staff run, at most once per test process. The system tests install it in their image;
/// the fleet benchmark runs it on its hosts, as a Pi runs its own build.
/// </summary>
public static class PublishedKiosk
{
    private static readonly Lazy<(string Dir, double Seconds)> Published = new(Publish);

    /// <summary>artifacts/stage/kiosk-linux-x64: the kiosk executable, its native libraries and builtin.kpack.</summary>
    public static string Dir => Published.Value.Dir;

    public static string Executable => System.IO.Path.Combine(Dir, "kiosk");

    /// <summary>How long the publish took in this process (build and AOT compile).</summary>
    public static double Seconds => Published.Value.Seconds;

    private static (string, double) Publish()
    {
        var ran = ChildProcess.Run("bash", [Repo.Path("deploy", "publish.sh"), "linux-x64"], workingDirectory: Repo.Root, killAfter: TimeSpan.FromMinutes(10));
        if (ran.ExitCode != 0 || ran.Killed)
        {
            throw new InvalidOperationException($"deploy/publish.sh linux-x64 failed: {ran}");
        }

        return (Repo.Path("artifacts", "stage", "kiosk-linux-x64"), ran.Elapsed.TotalSeconds);
    }
}
