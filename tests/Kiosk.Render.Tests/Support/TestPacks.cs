using Microsoft.Extensions.Time.Testing;
using Kiosk.Content.Packing;
using Kiosk.Render.Profiles;

namespace Kiosk.Render.Tests.Support;

/// <summary>
/// The test pack (one fictional case) and the built-in pack (seeds/), each compiled once per test run through
/// the real compiler and reader, as a device would get them.
/// </summary>
internal static class TestPacks
{
    private static readonly Lazy<LoadedPack> _test = new(() => Build(TestPaths.TestSource));
    private static readonly Lazy<LoadedPack> _builtin = new(() => Build(TestPaths.Seeds));

    public static LoadedPack Test => _test.Value;

    public static LoadedPack Builtin => _builtin.Value;

    public static SceneRenderer Renderer(LoadedPack pack, DisplayProfile profile) => new(pack.Content, pack.Fonts, profile);

    /// <summary>Profile names as theory data (xunit shows them in test names).</summary>
    public static TheoryData<string> Profiles => new(DisplayProfile.Known.Select(p => p.Name));

    private static LoadedPack Build(string sourceDir)
    {
        string output = Path.Combine(Path.GetTempPath(), $"kiosk-render-test-{Guid.NewGuid():N}.kpack");
        try
        {
            return PackReader.Read(PackBuilder.Build(sourceDir, output, FakeClock.AtPackBuildTime()));
        }
        finally
        {
            File.Delete(output);
        }
    }
}
