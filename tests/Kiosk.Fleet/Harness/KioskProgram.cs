using Kiosk.Host.Tests.Push;

namespace Kiosk.Fleet.Harness;

/// <summary>
/// Which kiosk the fleet runs, on its hosts (forced command, running kiosks) and as the control node's CLI:
/// this build as <c>dotnet kiosk.dll</c> (the tests: no publish needed), or the Native AOT kiosk that
/// deploy/publish.sh makes and a Pi runs (the benchmark, where each answer's start-up cost is the point).
/// </summary>
internal sealed record KioskProgram(string Program, IReadOnlyList<string> Prefix)
{
    public static KioskProgram Build { get; } = new(Dotnet.Path, [Dotnet.KioskDll]);

    public static KioskProgram Published() => new(PublishedKiosk.Executable, []);

    /// <summary>The command for a shell (sshd's forced command, a restart loop, Ansible's <c>kiosk_cli</c>).</summary>
    public string Shell => string.Join(' ', new[] { Program }.Concat(Prefix).Select(ShellQuote.Of));

    public ChildProcess.Ran Run(params string[] args) => ChildProcess.Run(Program, [.. Prefix, .. args]);
}
