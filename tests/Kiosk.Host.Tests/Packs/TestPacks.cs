using Microsoft.Extensions.Time.Testing;
using Kiosk.Content.Packing;

namespace Kiosk.Host.Tests.Packs;

/// <summary>
/// Packs compiled once per test run from <c>Packs/TestSource</c>, one per version so each has different bytes
/// (and so a different sha256). Tests copy them; nobody writes to the originals.
/// </summary>
public sealed class TestPacks : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly Dictionary<string, string> _built = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public static string SourceDir { get; } = FindSource();

    /// <summary>Path of the compiled pack with this version (and id); compile on first use.</summary>
    public string Pack(string version, string id = "store-test-pack")
    {
        lock (_gate)
        {
            string key = $"{id}-{version}";
            if (_built.TryGetValue(key, out string? path))
            {
                return path;
            }

            string source = _dir.Combine("src-" + key);
            Directory.CreateDirectory(source);
            foreach (string file in Directory.EnumerateFiles(SourceDir, "*.yaml"))
            {
                string text = File.ReadAllText(file);
                if (Path.GetFileName(file) == PackSource.FileName)
                {
                    text = text.Replace("version: 1.0.0", $"version: {version}", StringComparison.Ordinal)
                        .Replace("id: store-test-pack", $"id: {id}", StringComparison.Ordinal);
                }

                File.WriteAllText(Path.Combine(source, Path.GetFileName(file)), text);
            }

            path = _dir.Combine($"test-{key}.kpack");
            var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
            PackBuilder.Build(source, path, time);
            _built[key] = path;
            return path;
        }
    }

    /// <summary>A private copy of a pack that a test may change.</summary>
    public string CopyOf(string version, string toDir)
    {
        string copy = Path.Combine(toDir, $"copy-{version}-{Guid.NewGuid():N}.kpack");
        File.Copy(Pack(version), copy);
        return copy;
    }

    public void Dispose() => _dir.Dispose();

    // Found through the repository, so other test projects that link this file compile the same source.
    private static string FindSource() => Repo.Path("tests", "Kiosk.Host.Tests", "Packs", "TestSource");
}
