using Kiosk.Host.Tests.Push;

namespace Kiosk.Host.Tests.Deploy;

/// <summary>The shell scripts in deploy/: they parse, and install.sh refuses a content key that is not one.</summary>
public sealed class DeployScriptTests : IDisposable
{
    private readonly TempDir _temp = new();

    public static TheoryData<string> Scripts => [.. ScriptNames()];

    public void Dispose() => _temp.Dispose();

    private static IEnumerable<string> ScriptNames() =>
        Directory.EnumerateFiles(RepoFiles.DeployDir, "*.sh").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal);

    [Fact]
    public void The_deploy_scripts_are_all_here()
    {
        Assert.Superset(new HashSet<string> { "setup.sh", "dev.sh", "publish.sh", "install.sh", "prove-arm64.sh" }, ScriptNames().ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Bash_parses_the_script(string script)
    {
        var ran = ChildProcess.Run("bash", ["-n", RepoFiles.Deploy(script)]);

        Assert.True(ran.ExitCode == 0, ran.ToString());
    }

    [Theory]
    [InlineData("command=\"/bin/sh\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa x", "not an OpenSSH public key")]
    [InlineData("-----BEGIN PUBLIC KEY-----", "not an OpenSSH public key")]
    [InlineData("ssh-ed25519 AAAA\",command=\"/bin/sh x", "not base64")]
    public void Install_refuses_a_content_key_that_is_not_a_plain_public_key(string keyLine, string reason)
    {
        string key = Path.Combine(_temp.Path, "content.pub");
        File.WriteAllText(key, keyLine + "\n");

        // Refused before anything is checked or changed on the machine, so this is safe to run anywhere.
        var ran = ChildProcess.Run("bash", [RepoFiles.Deploy("install.sh"), "--content-key", key]);

        Assert.Equal(1, ran.ExitCode);
        Assert.Contains(reason, ran.Stderr);
    }

    [Fact]
    public void The_published_kiosk_has_no_test_hooks_and_the_test_build_has_them()
    {
        // KIOSK_INSTALL_CRASH_AT and the throwing-pack hook exist only with KIOSK_TEST_HOOKS (Kiosk.Host.csproj).
        Assert.Contains("-p:KioskTestHooks=false", File.ReadAllText(RepoFiles.Deploy("publish.sh")));
        Assert.True(Kiosk.Host.Loop.TestHooks.Compiled);
        // The project's own answer, evaluated as `dotnet publish` (and publish.sh) would build it: no hook symbol.
        foreach (string publishing in new[] { "-p:_IsPublishing=true", "-p:KioskTestHooks=false" })
        {
            var ran = ChildProcess.Run("dotnet", ["msbuild", Repo.Path("firmware-host", "Kiosk.Host", "Kiosk.Host.csproj"), "-nologo", "-getProperty:DefineConstants", "-p:Configuration=Release", publishing]);
            Assert.True(ran.ExitCode == 0, ran.ToString());
            Assert.Contains("RELEASE", ran.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("KIOSK_TEST_HOOKS", ran.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Install_without_a_content_key_is_a_usage_error()
    {
        var ran = ChildProcess.Run("bash", [RepoFiles.Deploy("install.sh")]);

        Assert.Equal(2, ran.ExitCode);
        Assert.Contains("--content-key", ran.Stderr);
    }
}
