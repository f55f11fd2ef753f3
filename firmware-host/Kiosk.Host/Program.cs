using Kiosk.Host.Cli;

return KioskCli.Invoke(args, CliConsole.System, TimeProvider.System);
