using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiosk.Content.Diagnostics;
using Kiosk.Content.Signing;
using Kiosk.Host.Packs;
using Kiosk.Host.Status;

namespace Kiosk.Host.Cli;

/// <summary>
/// <c>kiosk pack install|list|rollback|receive|sign</c> and <c>kiosk keygen</c>: the verbs staff use over SSH
/// to put content on a kiosk. Every refusal names its reason and leaves the current pack as it was.
/// </summary>
internal static class StoreCommands
{
    /// <summary>
    /// Set to an <see cref="InstallSteps"/> name to kill the process there; lets tests simulate a power cut. Read only
    /// by builds with test hooks (KIOSK_TEST_HOOKS): a published kiosk ignores it.
    /// </summary>
    public const string CrashVariable = "KIOSK_INSTALL_CRASH_AT";

    private static readonly PackStoreOptions Defaults = new();

    private static readonly JsonSerializerOptions OneLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void AddTo(Command pack, CliConsole console, TimeProvider time) =>
        AddTo(pack, console, time, Console.OpenStandardInput);

    /// <param name="stdin">Where <c>receive</c> reads the pack; tests pass a memory stream.</param>
    internal static void AddTo(Command pack, CliConsole console, TimeProvider time, Func<Stream> stdin)
    {
        pack.Subcommands.Add(Install(console, time));
        pack.Subcommands.Add(List(console, time));
        pack.Subcommands.Add(Rollback(console, time));
        pack.Subcommands.Add(Receive(console, time, stdin));
        pack.Subcommands.Add(Sign(console));
    }

    public static Command Keygen(CliConsole console)
    {
        var output = new Option<string>("--out") { Description = "Name of the key pair: writes NAME.key (private) and NAME.pub", Required = true };
        var command = new Command("keygen", "Make an ECDSA P-256 key pair for signing packs") { output };
        command.SetAction(result =>
        {
            try
            {
                var written = PackKeyFiles.Generate(result.GetValue(output)!);
                console.Out.WriteLine($"wrote {written.PrivatePath} (private, mode 0600: keep it off the kiosks) and {written.PublicPath}");
                console.Out.WriteLine($"key id {written.KeyId}; copy {written.PublicPath} into {Defaults.TrustedKeysDir}/ on each kiosk that should trust it");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"keygen: {ex.Message}");
                return ExitCodes.Refused;
            }
        });
        return command;
    }

    private static Command Install(CliConsole console, TimeProvider time)
    {
        var packFile = new Argument<FileInfo>("pack") { Description = "Pack file to install" };
        var store = StoreOption();
        var keys = TrustedKeysOption();
        var policy = new PolicyOptions();
        var command = new Command("install", "Verify a pack and make it the current one (on trial until the running kiosk shows it)") { packFile, store, keys };
        policy.AddTo(command);
        command.SetAction(result =>
        {
            var file = result.GetValue(packFile)!;
            if (!file.Exists)
            {
                console.Error.WriteLine($"{file}: no such pack file");
                return ExitCodes.Usage;
            }

            if (!policy.TryRead(result, console, out var allow))
            {
                return ExitCodes.Usage;
            }

            var packs = OpenStore(result, store, keys, time, maxBytes: null, allow);
            var outcome = Guard(() => packs.Install(file.ToString()));
            if (!outcome.Ok)
            {
                return Refuse(console, outcome, packs, file.ToString());
            }

            var p = outcome.Pack!;
            console.Out.WriteLine($"installed {Safe(p.Id)} {Safe(p.Version)} ({Short(p.Sha256)}): now current in {packs.Root}, on trial until the running kiosk has it on the glass");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliConsole console, TimeProvider time)
    {
        var store = StoreOption();
        var json = new Option<bool>("--json") { Description = "Print the store as JSON (for tools)" };
        var command = new Command("list", "Show installed packs: the current one is marked *, and each is committed, trial, bad or installed") { store, json };
        command.SetAction(result =>
        {
            var packs = new PackStore(new PackStoreOptions { Root = result.GetValue(store)! }, time);
            var installed = packs.List();
            console.Out.Write(result.GetValue(json) ? ListJson(installed) + Environment.NewLine : ListTable(installed, packs.Root));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Rollback(CliConsole console, TimeProvider time)
    {
        var store = StoreOption();
        var command = new Command("rollback", "Make the pack installed before the current one current again") { store };
        command.SetAction(result =>
        {
            var packs = new PackStore(new PackStoreOptions { Root = result.GetValue(store)! }, time);
            var outcome = Guard(packs.Rollback);
            if (!outcome.Ok)
            {
                return Refuse(console, outcome, packs, "rollback");
            }

            var p = outcome.Pack!;
            console.Out.WriteLine($"rolled back to {Safe(p.Id)} {Safe(p.Version)} ({Short(p.Sha256)}), installed {Format(p.Installed)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Receive(CliConsole console, TimeProvider time, Func<Stream> stdin)
    {
        var store = StoreOption();
        var keys = TrustedKeysOption();
        var maxBytes = new Option<long?>("--max-bytes") { Description = $"Refuse packs larger than this (default {Defaults.MaxPackBytes:N0})" };
        maxBytes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long?>() is <= 0)
            {
                r.AddError("--max-bytes must be a positive number of bytes");
            }
        });
        var policy = new PolicyOptions();
        var command = new Command("receive", "Install a pack read from standard input (ssh HOST kiosk pack receive < PACK); prints one JSON line. As an SSH forced command it also answers `ssh HOST status [--json]`")
        {
            store, keys, maxBytes,
        };
        policy.AddTo(command);
        command.SetAction(result =>
        {
            // The content key's one other request: the client's command line is exactly "status [--json]".
            // Nothing is read from stdin and nothing is written; any other command line still means "a pack follows".
            if (StatusRequest.TryParse(Environment.GetEnvironmentVariable(StatusRequest.Variable), out bool json))
            {
                return StatusAnswer.Answer(result.GetValue(store)!, new StatusOptions(), json, console.Out, time);
            }

            long start = time.GetTimestamp();
            if (!policy.TryRead(result, console, out var allow))
            {
                return ExitCodes.Usage;
            }

            var packs = OpenStore(result, store, keys, time, result.GetValue(maxBytes), allow);
            using var input = stdin();
            var outcome = Guard(() => packs.Install(input, "stdin"));
            var line = outcome.Ok
                ? new JsonObject
                {
                    ["ok"] = true,
                    ["pack_id"] = outcome.Pack!.Id,
                    ["version"] = outcome.Pack.Version,
                    ["sha256"] = outcome.Pack.Sha256,
                    ["seconds"] = Math.Round(time.GetElapsedTime(start).TotalSeconds, 3),
                    ["state"] = outcome.Pack.State,
                }
                : new JsonObject { ["ok"] = false, ["error"] = string.Join("; ", outcome.Problems) };
            console.Out.WriteLine(line.ToJsonString(OneLine));
            return outcome.Ok ? ExitCodes.Ok : ExitCodes.Refused;
        });
        return command;
    }

    private static Command Sign(CliConsole console)
    {
        var packFile = new Argument<FileInfo>("pack") { Description = "Pack file to sign (rewritten in place)" };
        var keyFile = new Option<FileInfo>("--key") { Description = "Private key (NAME.key from kiosk keygen)", Required = true };
        var command = new Command("sign", "Sign a pack so kiosks that trust the key will install it") { packFile, keyFile };
        command.SetAction(result =>
        {
            var file = result.GetValue(packFile)!;
            var key = result.GetValue(keyFile)!;
            foreach (var (path, what) in new[] { (file, "pack file"), (key, "key file") })
            {
                if (!path.Exists)
                {
                    console.Error.WriteLine($"{path}: no such {what}");
                    return ExitCodes.Usage;
                }
            }

            try
            {
                string keyId = PackSigner.Sign(file.ToString(), File.ReadAllText(key.FullName));
                console.Out.WriteLine($"signed {file} with key {keyId}");
                return ExitCodes.Ok;
            }
            catch (ContentException ex)
            {
                return PackCommands.Fail(console, ex.Diagnostics, $"{file}: not signed (the pack does not verify)");
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"{file}: not signed: {ex.Message}");
                return ExitCodes.Refused;
            }
        });
        return command;
    }

    private static Option<string> StoreOption() => new("--store")
    {
        Description = $"Pack store folder (default {Defaults.Root})",
        DefaultValueFactory = _ => Defaults.Root,
    };

    private static Option<string> TrustedKeysOption() => new("--trusted-keys")
    {
        Description = $"Folder of trusted public keys (*.pub); when it holds any, only packs they signed are installed (default {Defaults.TrustedKeysDir})",
        DefaultValueFactory = _ => Defaults.TrustedKeysDir,
    };

    private static PackStore OpenStore(ParseResult result, Option<string> store, Option<string> keys, TimeProvider time, long? maxBytes, PolicyOptions.Allowed allow)
    {
        var options = new PackStoreOptions
        {
            Root = result.GetValue(store)!,
            TrustedKeysDir = result.GetValue(keys)!,
            MaxPackBytes = maxBytes ?? Defaults.MaxPackBytes,
            AllowUnsigned = allow.Unsigned,
            AllowDowngrade = allow.Downgrade,
        };
        return new PackStore(options, time, CrashHook());
    }

    private static Action<string>? CrashHook()
    {
#if KIOSK_TEST_HOOKS
        string? crashAt = Environment.GetEnvironmentVariable(CrashVariable);
#else
        string? crashAt = null;
#endif
        if (string.IsNullOrEmpty(crashAt))
        {
            return null;
        }

        return step =>
        {
            if (step == crashAt)
            {
                Environment.FailFast($"{CrashVariable}={crashAt}: simulated crash during install");
            }
        };
    }

    /// <summary>Disk and permission errors become refusals: the store has already cleaned up and kept current.</summary>
    private static PackStoreResult Guard(Func<PackStoreResult> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return PackStoreResult.Refused(ex.Message);
        }
    }

    private static int Refuse(CliConsole console, PackStoreResult outcome, PackStore packs, string what)
    {
        foreach (string problem in outcome.Problems)
        {
            console.Error.WriteLine(problem);
        }

        string current = packs.List().FirstOrDefault(p => p.IsCurrent) is { } c ? $"{Safe(c.Id)} {Safe(c.Version)} ({Short(c.Sha256)})" : "none";
        console.Error.WriteLine($"{what}: refused; the current pack is unchanged: {current}");
        return ExitCodes.Refused;
    }

    private static string ListJson(IReadOnlyList<InstalledPack> installed)
    {
        // Built from the array's elements (JsonNode), not Add<T>: that generic overload serializes by reflection.
        var packs = new JsonArray([.. installed.Select(p => new JsonObject
        {
            ["sha256"] = p.Sha256,
            ["id"] = p.Id,
            ["version"] = p.Version,
            ["installed"] = p.Installed.ToString("O", CultureInfo.InvariantCulture),
            ["current"] = p.IsCurrent,
            ["state"] = p.State,
            ["committed"] = p.IsCommitted,
            ["trial"] = p.IsTrial,
            ["bad"] = p.IsBad,
            ["bad_reason"] = p.BadReason,
            ["signer"] = p.Signer,
        })]);

        var root = new JsonObject
        {
            ["current"] = installed.FirstOrDefault(p => p.IsCurrent)?.Sha256,
            ["packs"] = packs,
            ["committed"] = installed.FirstOrDefault(p => p.IsCommitted)?.Sha256,
            ["trial"] = installed.FirstOrDefault(p => p.IsTrial)?.Sha256,
        };
        return root.ToJsonString(OneLine);
    }

    private static string ListTable(IReadOnlyList<InstalledPack> installed, string root)
    {
        if (installed.Count == 0)
        {
            return $"no packs installed in {root}{Environment.NewLine}";
        }

        int idWidth = Math.Max("PACK".Length, installed.Max(p => Safe(p.Id).Length));
        int versionWidth = Math.Max("VERSION".Length, installed.Max(p => Safe(p.Version).Length));
        var sb = new StringBuilder();
        sb.AppendLine($"  {"SHA256",-12}  {"PACK".PadRight(idWidth)}  {"VERSION".PadRight(versionWidth)}  {"INSTALLED",-20}  STATE");
        foreach (var p in installed)
        {
            string state = p.IsBad ? $"bad: {Safe(p.BadReason)}" : p.State;
            sb.AppendLine($"{(p.IsCurrent ? '*' : ' ')} {Short(p.Sha256),-12}  {Safe(p.Id).PadRight(idWidth)}  {Safe(p.Version).PadRight(versionWidth)}  {Format(p.Installed),-20}  {state}");
        }

        return sb.ToString();
    }

    private static string Short(string sha256) => sha256[..12];

    private static string Safe(string? text) => SafeText.Escape(text);

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
