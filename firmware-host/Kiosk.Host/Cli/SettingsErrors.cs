using Kiosk.Host.Settings;

namespace Kiosk.Host.Cli;

/// <summary>How every verb that reads kiosk.json reports a missing or bad settings file: one line per problem, exit 2.</summary>
internal static class SettingsErrors
{
    /// <summary>True (and said) when --config names a file that does not exist.</summary>
    public static bool Missing(CliConsole console, FileInfo? configFile)
    {
        if (configFile is null || configFile.Exists)
        {
            return false;
        }

        console.Error.WriteLine($"kiosk: {configFile}: no such settings file");
        return true;
    }

    public static int Report(CliConsole console, KioskSettingsException ex)
    {
        foreach (string error in ex.Errors)
        {
            console.Error.WriteLine($"kiosk: {error}");
        }

        return ExitCodes.Usage;
    }

    /// <summary>kiosk.json that is not JSON at all.</summary>
    public static int Report(CliConsole console, FileInfo? configFile, InvalidDataException ex)
    {
        console.Error.WriteLine($"kiosk: {configFile}: {ex.Message}");
        return ExitCodes.Usage;
    }
}
