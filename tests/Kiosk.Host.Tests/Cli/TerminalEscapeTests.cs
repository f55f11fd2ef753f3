using System.Text;
using Kiosk.Content.Packing;
using Kiosk.Host.Cli;
using Kiosk.Host.Push;
using Kiosk.Host.Status;

namespace Kiosk.Host.Tests.Cli;

/// <summary>
/// Strings a pack (or a kiosk answering a push or a status) chooses reach operators' terminals only escaped:
/// <c>pack inspect</c>'s summary, <c>status</c>'s text and the push table. The reader that inspect uses checks the
/// manifest's id, version and title but not the cases' texts (verify does), so a forged pack's case title with ESC,
/// a newline and a right-to-left override is what a curator may inspect first.
/// </summary>
public sealed class TerminalEscapeTests : IDisposable
{
    // ESC [31m (red), a right-to-left override, a newline that would forge a second line, BEL.
    private const string Hostile = "\u001b[31m\u202eEVIL\nforged line\u0007";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Pack_inspect_prints_a_forged_case_title_escaped_and_verify_refuses_the_pack()
    {
        string json = Encoding.UTF8.GetString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Hostile))[1..^1];
        string bad = PackSurgery.Rewrite(SeedPack.Path, _dir.File("hostile.kpack"), (name, bytes) =>
        {
            if (name != PackFormat.CasesEntry)
            {
                return bytes;
            }

            string text = Encoding.UTF8.GetString(bytes);
            int title = text.IndexOf("\"title\": \"", text.IndexOf("\"cases\"", StringComparison.Ordinal), StringComparison.Ordinal) + 10;
            return Encoding.UTF8.GetBytes(text.Insert(title, json));
        });

        var (code, output, _) = Run("pack", "inspect", bad);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("\\u001B[31m\\u202EEVIL\\u000Aforged line\\u0007", output, StringComparison.Ordinal);
        AssertPrintable(output);

        var (verifyCode, verifyOutput, verifyErrors) = Run("pack", "verify", bad);
        Assert.Equal(ExitCodes.Refused, verifyCode);
        Assert.Contains("control character", verifyErrors, StringComparison.Ordinal);
        AssertPrintable(verifyOutput + verifyErrors);
    }

    [Fact]
    public void Verify_refuses_a_case_title_with_only_a_right_to_left_override()
    {
        // No control character at all: the override alone would show "EVIL" as "LIVE" on the glass.
        string bad = PackSurgery.Rewrite(SeedPack.Path, _dir.File("rlo.kpack"), (name, bytes) =>
        {
            if (name != PackFormat.CasesEntry)
            {
                return bytes;
            }

            string text = Encoding.UTF8.GetString(bytes);
            int title = text.IndexOf("\"title\": \"", text.IndexOf("\"cases\"", StringComparison.Ordinal), StringComparison.Ordinal) + 10;
            return Encoding.UTF8.GetBytes(text.Insert(title, "\\u202eEVIL "));
        });

        var (code, output, errors) = Run("pack", "verify", bad);

        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains("title: holds the bidirectional control U+202E", errors, StringComparison.Ordinal);
        Assert.Contains("rlo.kpack: cases.json: cases[", errors, StringComparison.Ordinal);
        AssertPrintable(output + errors);
    }

    [Fact]
    public void Status_text_and_the_push_table_escape_what_a_kiosk_reports()
    {
        var status = new StatusReport
        {
            Message = Hostile,
            Pack = new PackOnGlass(Hostile, Hostile, new string('a', 64), Hostile, Hostile, DateTimeOffset.UnixEpoch),
            Store = new StorePack(Hostile, Hostile, new string('b', 64), Hostile),
            Screen = Hostile,
            Displays = [new DisplayStatus(Hostile, false, DateTimeOffset.UnixEpoch, Hostile, 1, null, null)],
            LastError = new StatusError(DateTimeOffset.UnixEpoch, Hostile),
        };

        string text = StatusText.Format(status);
        string table = PushReport.Table([new HostResult(Hostile, PushOutcome.Refused, Hostile, Hostile, null, 1.5, 0, Hostile)]);

        Assert.Contains("\\u001B[31m", text, StringComparison.Ordinal);
        Assert.Contains("\\u001B[31m", table, StringComparison.Ordinal);
        AssertPrintable(text + table);
    }

    /// <summary>No control character but the line ends, and no bidirectional override or isolate.</summary>
    private static void AssertPrintable(string output)
    {
        foreach (string line in output.Split('\n'))
        {
            Assert.DoesNotContain(line, c => (c < 0x20 && c != '\r') || c is >= '\u007f' and < '\u00a0' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'));
        }

        Assert.DoesNotContain("forged line\n", output, StringComparison.Ordinal);
    }

    private (int Code, string Output, string Errors) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = KioskCli.Invoke(args, new CliConsole(stdout, stderr), TimeProvider.System);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
