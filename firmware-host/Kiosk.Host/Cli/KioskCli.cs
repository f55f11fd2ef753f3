using System.CommandLine;

namespace Kiosk.Host.Cli;

/// <summary>
/// The <c>kiosk</c> command line. Verbs, flags and JSON fields are a contract with exhibit staff and their
/// tools: add, never rename.
/// </summary>
public static class KioskCli
{
    public static RootCommand Create(CliConsole console, TimeProvider time)
    {
        var root = new RootCommand("Kiosk: case studies of Chinese regional development on a museum display");
        root.Subcommands.Add(PackCommands.Create(console, time));
        root.Subcommands.Add(RunCommand.Create(console));
        root.Subcommands.Add(RenderCommands.Render(console));
        root.Subcommands.Add(RenderCommands.Proof(console));
        root.Subcommands.Add(StoreCommands.Keygen(console));
        root.Subcommands.Add(BenchCommand.Create(console));
        root.Subcommands.Add(PushCommand.Create(console, time));
        root.Subcommands.Add(StatusCommand.Create(console, time));
        return root;
    }

    public static int Invoke(string[] args, CliConsole console, TimeProvider time)
    {
        var parse = Create(console, time).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine($"kiosk: {error.Message}");
            }

            console.Error.WriteLine("Run 'kiosk --help' for usage.");
            return ExitCodes.Usage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
