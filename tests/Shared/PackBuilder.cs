using Kiosk.Content.Packing;

namespace Kiosk.Tests.Shared;

/// <summary>
/// Compiles a source folder with the real compiler, as every test that needs a pack does; a refusal fails the
/// test with every diagnostic instead of a null further on.
/// </summary>
public static class PackBuilder
{
    public static string Build(string sourceDir, string output, TimeProvider? time = null)
    {
        var result = new PackCompiler(time ?? TimeProvider.System).Build(sourceDir, output);
        return result.Content is not null
            ? output
            : throw new InvalidOperationException($"{sourceDir} did not compile:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics)}");
    }
}
