using System.CommandLine;
using Kiosk.Host.Push;

namespace Kiosk.Host.Cli;

/// <summary>
/// What every command that runs the user's ssh to kiosks shares (<c>kiosk push</c>, <c>kiosk status HOST...</c>):
/// the HOST argument's wording and parsing, <c>--ssh</c> and <c>--ssh-option</c>. One place, so the two commands
/// read hosts and ssh options the same way.
/// </summary>
internal sealed class SshClientOptions
{
    public const string HostForms = "user@host, user@host:port, user@[IPv6]:port or an ssh config alias";

    /// <param name="when">When the options apply, for a command where they do not always (status: "with HOSTs").</param>
    public SshClientOptions(string? when = null)
    {
        string suffix = when is null ? "" : $"; {when}";
        Ssh = new Option<string>("--ssh") { Description = $"The ssh client to run{(when is null ? "" : $" ({when})")}", DefaultValueFactory = _ => "ssh" };
        SshOption = new Option<string[]>("--ssh-option")
        {
            Description = $"Passed to ssh as -o OPT, e.g. IdentityFile=~/.ssh/kiosk_content (repeatable{suffix})",
            AllowMultipleArgumentsPerToken = false,
        };
    }

    public Option<string> Ssh { get; }

    public Option<string[]> SshOption { get; }

    public string Client(ParseResult result) => result.GetValue(Ssh)!;

    public string[] Options(ParseResult result) => result.GetValue(SshOption) ?? [];

    /// <summary>Parses every HOST; on the first that is not one, says why on stderr and returns null (exit 2).</summary>
    public static List<PushTarget>? Targets(CliConsole console, IEnumerable<string> hosts)
    {
        var targets = new List<PushTarget>();
        foreach (string host in hosts)
        {
            if (PushTarget.TryParse(host, out string? error) is not { } target)
            {
                console.Error.WriteLine($"kiosk: {error}");
                return null;
            }

            targets.Add(target);
        }

        return targets;
    }
}
