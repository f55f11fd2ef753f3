using System.Globalization;
using System.Text.RegularExpressions;
using Kiosk.Host.Tests.Push;
using Xunit.Abstractions;
using Kiosk.Host.Loop;

namespace Kiosk.Host.Tests.Deploy;

/// <summary>The systemd unit's sandbox, scored by systemd itself, and the settings the host relies on.</summary>
public sealed partial class ServiceSecurityTests(ITestOutputHelper output)
{
    private const double MaxExposure = 2.0;

    [Fact]
    public void Systemd_scores_the_unit_exposure_at_most_two()
    {
        string analyze = ChildProcess.Which("systemd-analyze")
            ?? throw new InvalidOperationException("systemd-analyze not found: deploy/setup.sh installs the systemd package (run it, or: apt-get install systemd)");

        var ran = ChildProcess.Run(analyze, ["security", "--offline=true", "--no-pager", RepoFiles.Deploy("kiosk.service")]);

        var overall = OverallExposure().Match(ran.Stdout);
        Assert.True(overall.Success, $"no overall exposure line in systemd-analyze output:\n{ran}");
        double score = double.Parse(overall.Groups[1].Value, CultureInfo.InvariantCulture);
        output.WriteLine($"systemd-analyze security --offline=true deploy/kiosk.service: overall exposure {score} (at most {MaxExposure})");
        output.WriteLine(string.Join('\n', ran.Stdout.Split('\n').Where(l => l.StartsWith('✗'))));
        Assert.True(score <= MaxExposure, $"exposure {score} is above {MaxExposure}:\n{ran.Stdout}");
    }

    [Fact]
    public void The_unit_runs_the_kiosk_as_a_notify_service_with_a_watchdog_and_restarts()
    {
        var settings = File.ReadAllLines(RepoFiles.Deploy("kiosk.service"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToLookup(kv => kv[0], kv => kv[1]);

        // The frame loop sends READY after its first frame and WATCHDOG while frames come (Hosting/FrameLoop.cs).
        Assert.Equal(["notify"], settings["Type"]);
        Assert.Equal(["main"], settings["NotifyAccess"]);
        Assert.Equal(["10"], settings["WatchdogSec"]);
        Assert.Equal(["always"], settings["Restart"]);
        Assert.Equal(["kiosk"], settings["User"]);
        Assert.Equal(["/opt/kiosk/kiosk run"], settings["ExecStart"]);
        Assert.Equal(["/var/lib/kiosk"], settings["ReadWritePaths"]);
        Assert.Equal(["closed"], settings["DevicePolicy"]);
        Assert.Equal(["yes"], settings["MemoryDenyWriteExecute"]);
    }

    [GeneratedRegex(@"Overall exposure level for [^:]+: ([0-9]+\.[0-9]+)")]
    private static partial Regex OverallExposure();
}
