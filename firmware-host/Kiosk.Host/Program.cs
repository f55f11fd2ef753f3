using Kiosk.Host.Cli;
using Kiosk.Host.Status;

// The content key's status answer comes first: it is a new process per request, so it skips building the CLI.
return StatusAnswer.TryAnswerForcedCommand(args, Environment.GetEnvironmentVariable(StatusRequest.Variable), Console.Out, TimeProvider.System)
    ?? KioskCli.Invoke(args, CliConsole.System, TimeProvider.System);
