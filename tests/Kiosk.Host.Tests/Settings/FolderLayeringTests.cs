using System.Text.RegularExpressions;

namespace Kiosk.Host.Tests.Settings;

/// <summary>
/// The host's folders are the press-to-glass pipeline (README, "From a press to the glass"): each may use only the
/// folders before it in <see cref="Pipeline"/>, so no stage reaches into one downstream of it and no two import
/// each other. The composition root (KioskHost.cs), Cli/ and Push/ sit on top and may use any.
/// </summary>
public sealed partial class FolderLayeringTests
{
    private static readonly string[] Pipeline = ["Hardware", "Input", "Navigation", "Display", "Packs", "Status", "Loop", "Settings"];

    private static readonly string[] Top = ["Cli", "Push", "Bench", "Benchmarks"];

    [Fact]
    public void Every_folder_uses_only_the_folders_before_it()
    {
        string root = Repo.Path("firmware-host", "Kiosk.Host");
        var breaches = new List<string>();
        int checkedFiles = 0;
        foreach (string file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
            {
                continue;
            }

            string folder = relative.Split(Path.DirectorySeparatorChar)[0];
            if (!relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || Top.Contains(folder))
            {
                continue;
            }

            int level = Array.IndexOf(Pipeline, folder);
            Assert.True(level >= 0, $"{relative}: folder '{folder}' is not in the pipeline; add it to the README's table and to this test");
            checkedFiles++;
            foreach (Match m in HostNamespace().Matches(File.ReadAllText(file)))
            {
                string used = m.Groups[1].Value;
                int usedLevel = Array.IndexOf(Pipeline, used);
                if (used != folder && (usedLevel < 0 || usedLevel > level))
                {
                    breaches.Add($"{relative} uses Kiosk.Host.{used}");
                }
            }
        }

        Assert.True(checkedFiles > 50, $"only {checkedFiles} files found under {root}");
        Assert.Empty(breaches);
    }

    [GeneratedRegex(@"\bKiosk\.Host\.([A-Z]\w*)")]
    private static partial Regex HostNamespace();
}
