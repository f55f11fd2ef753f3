using System.Text.Json;
using Kiosk.Host.Cli;
using Kiosk.Host.Status;

namespace Kiosk.Host.Tests.Status;

/// <summary>
/// <c>kiosk status</c>'s exit codes (README, "kiosk status": 0 healthy, 1 not running or a display failing,
/// 2 bad settings, 3 status file unreadable), JSON printed in every case, and the content key's fast path
/// answering exactly what the full command line answers.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class StatusAnswerTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Store => _dir.Combine("store");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_store_no_kiosk_has_run_with_is_exit_1_with_json()
    {
        var (code, json) = Answer();
        Assert.Equal(StatusExitCode.Unhealthy, code);
        Assert.False(json.GetProperty("running").GetBoolean());
        Assert.Contains("no status file", json.GetProperty("message").GetString());
    }

    [Fact]
    public void A_running_kiosk_whose_displays_are_healthy_is_exit_0()
    {
        WriteStatus(RunningHere() with { Displays = [Display("png:a", healthy: true), Display("png:b", healthy: true)] });
        var (code, json) = Answer();
        Assert.Equal(StatusExitCode.Healthy, code);
        Assert.True(json.GetProperty("running").GetBoolean());
    }

    [Fact]
    public void A_running_kiosk_with_one_failing_display_or_none_yet_is_exit_1()
    {
        WriteStatus(RunningHere() with { Displays = [Display("png:a", healthy: true), Display("fbdev:/dev/fb0", healthy: false)] });
        var (failing, json) = Answer();
        Assert.Equal(StatusExitCode.Unhealthy, failing);
        Assert.True(json.GetProperty("running").GetBoolean());

        WriteStatus(RunningHere());
        Assert.Equal(StatusExitCode.Unhealthy, Answer().Code);
    }

    [Fact]
    public void A_kiosk_that_stopped_is_exit_1_even_with_healthy_displays()
    {
        WriteStatus(RunningHere() with { Stopped = DateTimeOffset.UtcNow, Displays = [Display("png:a", healthy: true)] });
        var (code, json) = Answer();
        Assert.Equal(StatusExitCode.Unhealthy, code);
        Assert.StartsWith("not running: stopped at", json.GetProperty("message").GetString());
    }

    [Fact]
    public void An_unreadable_status_file_is_exit_3_unknown_with_json()
    {
        Directory.CreateDirectory(Store);
        File.WriteAllText(StatusFile.For(Store), "{\"running\": tru");
        var (code, json) = Answer();
        Assert.Equal(StatusExitCode.Unknown, code);
        Assert.StartsWith("cannot tell:", json.GetProperty("message").GetString());
    }

    [Fact]
    public void Bad_settings_are_exit_2_as_for_every_verb()
    {
        string config = _dir.File("kiosk.json");
        File.WriteAllText(config, "{ \"Status\": { \"WriteInterval\": \"soon\" } }");
        var output = new StringWriter();
        var errors = new StringWriter();
        Assert.Equal(ExitCodes.Usage, KioskCli.Invoke(["status", "--json", "--config", config], new CliConsole(output, errors), TimeProvider.System));
        Assert.Contains("Status:WriteInterval", errors.ToString());
    }

    [Theory]
    [InlineData("status --json")]
    [InlineData("status")]
    public void The_forced_commands_fast_path_prints_what_the_full_command_line_prints(string request)
    {
        WriteStatus(RunningHere() with { Displays = [Display("png:a", healthy: true)], Presses = 7 });
        string[] args = ["pack", "receive", "--allow-unsigned", "--store", Store, "--trusted-keys", _dir.Combine("keys")];

        var fast = new StringWriter();
        int? fastCode = StatusAnswer.TryAnswerForcedCommand(args, request, fast, TimeProvider.System);

        var full = new StringWriter();
        string? before = Environment.GetEnvironmentVariable(StatusRequest.Variable);
        Environment.SetEnvironmentVariable(StatusRequest.Variable, request);
        int fullCode;
        try
        {
            fullCode = KioskCli.Invoke(args, new CliConsole(full, new StringWriter()), TimeProvider.System);
        }
        finally
        {
            Environment.SetEnvironmentVariable(StatusRequest.Variable, before);
        }

        Assert.Equal(StatusExitCode.Healthy, fastCode);
        Assert.Equal(fullCode, fastCode);
        // The uptime is computed at each read; everything else must be the same text.
        Assert.Equal(WithoutUptime(full.ToString()), WithoutUptime(fast.ToString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("status; id")]
    [InlineData("sh -c status")]
    public void Anything_but_a_status_request_is_left_to_the_full_command_line(string? request) =>
        Assert.Null(StatusAnswer.TryAnswerForcedCommand(["pack", "receive", "--store", Store], request, new StringWriter(), TimeProvider.System));

    [Theory]
    [InlineData("pack", "install", "--store", "x")]
    [InlineData("pack", "receive", "--store=x")]
    [InlineData("pack", "receive", "--store")]
    [InlineData("pack", "receive", "--help")]
    [InlineData("status", "--json")]
    public void Arguments_the_fast_path_does_not_know_go_to_the_full_parser(params string[] args) =>
        Assert.Null(StatusAnswer.TryAnswerForcedCommand(args, "status --json", new StringWriter(), TimeProvider.System));

    private (int Code, JsonElement Json) Answer()
    {
        var output = new StringWriter();
        int code = StatusAnswer.Answer(Store, new StatusOptions { ThermalZone = _dir.File("no-zone"), ThrottledFile = _dir.File("no-flags"), Vcgencmd = _dir.File("no-vcgencmd") }, json: true, output, TimeProvider.System);
        return (code, JsonDocument.Parse(output.ToString()).RootElement.Clone());
    }

    private static StatusReport RunningHere()
    {
        var me = ProcessIdentity.Current()!;
        return new StatusReport { Pid = me.Pid, ProcessStartTicks = me.StartTicks, Started = DateTimeOffset.UtcNow.AddMinutes(-1), Updated = DateTimeOffset.UtcNow };
    }

    private static DisplayStatus Display(string name, bool healthy) =>
        new(name, healthy, healthy ? null : DateTimeOffset.UtcNow, healthy ? null : "gone", 3, DateTimeOffset.UtcNow, null);

    private void WriteStatus(StatusReport report) => StatusFile.Write(StatusFile.For(Store), report);

    private static string WithoutUptime(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "(\"uptime_seconds\":[0-9.]+|, up [0-9:.]+)", string.Empty);
}

/// <summary>Tests that set a variable of this process's environment (SSH_ORIGINAL_COMMAND) run alone, so no other test's in-process verb reads it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
