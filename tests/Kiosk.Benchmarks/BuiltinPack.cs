using Kiosk.Content.Packing;

namespace Kiosk.Benchmarks;

/// <summary>The built-in pack, compiled from seeds/ into a temporary file and read back as a device would.</summary>
internal static class BuiltinPack
{
    private static readonly Lazy<LoadedPack> _pack = new(Build);

    public static LoadedPack Value => _pack.Value;

    private static LoadedPack Build()
    {
        string output = Path.Combine(Path.GetTempPath(), $"kiosk-bench-{Environment.ProcessId}.kpack");
        try
        {
            var result = new PackCompiler(TimeProvider.System).Build(Path.Combine(RepoRoot(), "seeds"), output);
            if (result.Content is null)
            {
                throw new InvalidOperationException("seeds/ did not compile:\n" + string.Join("\n", result.Diagnostics));
            }

            return PackReader.Read(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static string RepoRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Kiosk.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Kiosk.sln not found above " + AppContext.BaseDirectory);
    }
}
