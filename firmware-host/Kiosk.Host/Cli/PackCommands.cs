using System.CommandLine;
using Kiosk.Content.Diagnostics;
using Kiosk.Content.Packing;

namespace Kiosk.Host.Cli;

/// <summary><c>kiosk pack build|verify|inspect</c>: thin verbs over the content library.</summary>
internal static class PackCommands
{
    public static Command Create(CliConsole console, TimeProvider time)
    {
        var pack = new Command("pack", "Build, check, inspect and install content packs");
        pack.Subcommands.Add(Build(console, time));
        pack.Subcommands.Add(Verify(console));
        pack.Subcommands.Add(Inspect(console));
        StoreCommands.AddTo(pack, console, time);
        return pack;
    }

    private static Command Build(CliConsole console, TimeProvider time)
    {
        var sources = new Argument<DirectoryInfo>("sources") { Description = "Folder of case sources (*.yaml and pack.yaml)" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Pack file to write", Required = true };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only errors" };
        var checkFit = new Option<bool>("--check-fit") { Description = "Render every screen at every display profile and refuse the pack if any text must be cut to fit" };
        var command = new Command("build", "Compile case sources into one pack file") { sources, output, quiet, checkFit };
        command.SetAction(result =>
        {
            var dir = result.GetValue(sources)!;
            var file = result.GetValue(output)!;
            // With --check-fit the pack is built beside the output and moved over it only once it passes, so a
            // refused build leaves the previous output exactly as it was.
            bool fit = result.GetValue(checkFit);
            string target = fit ? $"{file.FullName}.check-{Environment.ProcessId}" : file.FullName;
            var built = new PackCompiler(time).Build(dir.FullName == dir.ToString() ? dir.FullName : dir.ToString(), target);
            if (built.Content is null)
            {
                return Fail(console, built.Diagnostics, $"pack not built: {built.Diagnostics.Count} error(s); {file} was not changed");
            }

            if (fit)
            {
                IReadOnlyList<string> cut;
                try
                {
                    cut = TextFitCheck.Run(target);
                }
                catch
                {
                    File.Delete(target);
                    throw;
                }

                if (cut.Count > 0)
                {
                    File.Delete(target);
                    foreach (string o in cut)
                    {
                        console.Error.WriteLine($"{file}: text cut to fit: {SafeText.Escape(o)}");
                    }

                    console.Error.WriteLine($"pack refused: {cut.Count} text(s) do not fit; shorten them in the sources; {file} was not changed");
                    return ExitCodes.Refused;
                }

                File.Move(target, file.FullName, overwrite: true);
            }

            if (!result.GetValue(quiet))
            {
                var c = built.Content;
                console.Out.WriteLine($"built {file} ({built.Bytes:N0} bytes): {c.Cases.Count} cases, {c.Cases.Sum(x => x.Phases.Count)} phases, pack {SafeText.Escape(c.Id)} {SafeText.Escape(c.Version)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Verify(CliConsole console)
    {
        var packFile = new Argument<FileInfo>("pack") { Description = "Pack file to check" };
        var sources = new Option<DirectoryInfo?>("--sources") { Description = "Folder of seed papers: check every quote and figure against them" };
        var command = new Command("verify", "Re-check a pack: checksums, schema, fonts and (with --sources) quotes") { packFile, sources };
        command.SetAction(result =>
        {
            var file = result.GetValue(packFile)!;
            var seeds = result.GetValue(sources);
            if (seeds is not null && !seeds.Exists)
            {
                console.Error.WriteLine($"{seeds}: no such folder of seed papers");
                return ExitCodes.Usage;
            }

            var verified = PackVerifier.Verify(file.ToString(), seeds?.FullName);
            if (!verified.Ok)
            {
                return Fail(console, verified.Diagnostics, $"{file}: refused ({verified.Diagnostics.Count} problem(s))");
            }

            var m = verified.Pack!.Manifest;
            int quotes = verified.Pack.Content.Cases.Sum(c => c.Quotes.Count);
            string checkedSources = seeds is null ? string.Empty : $", {quotes} quotes checked against {seeds}";
            console.Out.WriteLine($"{file}: ok ({SafeText.Escape(m.Id)} {SafeText.Escape(m.Version)}, {m.Entries.Count} entries, {verified.Pack.Content.Cases.Count} cases{checkedSources})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Inspect(CliConsole console)
    {
        var packFile = new Argument<FileInfo>("pack") { Description = "Pack file to show" };
        var json = new Option<bool>("--json") { Description = "Print the whole pack as JSON (for tools)" };
        var command = new Command("inspect", "Show what a pack holds") { packFile, json };
        command.SetAction(result =>
        {
            var file = result.GetValue(packFile)!;
            try
            {
                var pack = PackReader.Read(file.ToString());
                console.Out.WriteLine(result.GetValue(json) ? PackInspector.ToJson(pack) : PackInspector.ToText(pack));
                return ExitCodes.Ok;
            }
            catch (ContentException ex)
            {
                return Fail(console, ex.Diagnostics, $"{file}: cannot be read");
            }
        });
        return command;
    }

    internal static int Fail(CliConsole console, IEnumerable<Diagnostic> diagnostics, string summary)
    {
        foreach (var d in diagnostics)
        {
            console.Error.WriteLine(d);
        }

        console.Error.WriteLine(summary);
        return ExitCodes.Refused;
    }
}
