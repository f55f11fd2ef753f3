using System.CommandLine;
using System.Text.Json;
using Kiosk.Bench;
using Kiosk.Content.Diagnostics;
using Kiosk.Content.Packing;
using Kiosk.Host.Packs;
using Kiosk.Render.Profiles;

namespace Kiosk.Host.Cli;

/// <summary>
/// <c>kiosk bench</c>: the renderer's speed goals measured quickly on this device, each as a ratio to a frame
/// memcpy measured in the same run (so a Pi and a laptop can be compared). The workloads are the ones the
/// BenchmarkDotNet project runs (tests/Kiosk.Bench).
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var pack = RenderCommands.PackOption();
        var seconds = new Option<double>("--seconds") { Description = "Time spent on each timed measure (the cold first render gets twice this)", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "Print the rows as JSON (for tools)" };
        var command = new Command("bench", "Measure rendering speed and frame sizes against their goals") { pack, seconds, json };
        command.SetAction(result =>
        {
            string path = result.GetValue(pack)?.FullName ?? BuiltinPack.Path;
            double perRow = result.GetValue(seconds);
            if (perRow is <= 0 or > 60)
            {
                console.Error.WriteLine("kiosk: --seconds must be more than 0 and at most 60");
                return ExitCodes.Usage;
            }

            LoadedPack loaded;
            try
            {
                loaded = PackReader.Read(path);
            }
            catch (ContentException ex)
            {
                return PackCommands.Fail(console, ex.Diagnostics, $"{path}: cannot be read");
            }

            bool asJson = result.GetValue(json);
            var rows = QuickBench.Run(loaded.Content, loaded.Fonts, TimeSpan.FromSeconds(perRow), asJson ? null : line => console.Error.WriteLine($"  {line}"));
            foreach (var profile in new[] { DisplayProfile.Hdmi, DisplayProfile.Spi320 })
            {
                using var rig = new FrameCyclePressRig(loaded, profile);
                rows.AddRange(PressLatency.Rows(PressLatency.Measure(rig)));
            }

            console.Out.WriteLine(asJson ? ToJson(rows) : BenchTable.Format(rows));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ToJson(List<BenchRow> rows) => JsonSerializer.Serialize(
        rows.Select(r => new { name = r.Name, value = r.Value, goal = r.Goal, unit = r.Unit.ToString(), pass = r.Pass, memcpy_ms = r.MemcpyMs, why = r.Why }),
        new JsonSerializerOptions { WriteIndented = true });
}
