using System.CommandLine;
using Kiosk.Host.Settings;
using Microsoft.Extensions.Configuration;

namespace Kiosk.Host.Cli;

/// <summary>
/// What <c>pack install</c> and <c>pack receive</c> may accept beyond signed, newer packs: unsigned packs (the flag,
/// or <c>Kiosk:AllowUnsignedPacks</c> in the device's kiosk.json, which install.sh writes when asked) and, only
/// when an operator asks on the command line, a downgrade.
/// </summary>
internal sealed class PolicyOptions
{
    public readonly record struct Allowed(bool Unsigned, bool Downgrade);

    private readonly Option<bool> _unsigned = new("--allow-unsigned") { Description = "Accept packs that are not signed by a trusted key (default: the device's Kiosk:AllowUnsignedPacks, off)" };
    private readonly Option<bool> _downgrade = new("--allow-downgrade") { Description = "Accept a pack whose version is not newer than the newest installed from the same signer" };
    private readonly Option<FileInfo?> _config = new("--config") { Description = $"Settings file to read Kiosk:AllowUnsignedPacks from (default {KioskHost.DefaultConfigFile}, if present)" };

    public void AddTo(Command command)
    {
        command.Options.Add(_unsigned);
        command.Options.Add(_downgrade);
        command.Options.Add(_config);
    }

    public bool TryRead(ParseResult result, CliConsole console, out Allowed allowed)
    {
        bool unsigned = result.GetValue(_unsigned);
        string file = result.GetValue(_config)?.FullName ?? KioskHost.DefaultConfigFile;
        allowed = default;
        if (!unsigned && File.Exists(file))
        {
            try
            {
                var config = new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build();
                unsigned = config.GetValue<bool>($"{KioskOptions.SectionName}:{nameof(KioskOptions.AllowUnsignedPacks)}");
            }
            catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or FormatException or IOException)
            {
                console.Error.WriteLine($"kiosk: {file}: {KioskOptions.SectionName}:{nameof(KioskOptions.AllowUnsignedPacks)}: {ex.Message}");
                return false;
            }
        }
        else if (result.GetValue(_config) is { Exists: false } missing)
        {
            console.Error.WriteLine($"kiosk: {missing}: no such settings file");
            return false;
        }

        allowed = new Allowed(unsigned, result.GetValue(_downgrade));
        return true;
    }
}
