namespace Kiosk.Tests.Shared;

/// <summary>
/// A fresh folder under the system temp folder, removed with everything in it on dispose. Shared as source by
/// every test project (linked, not copied).
/// </summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = Directory.CreateTempSubdirectory("kiosk-test-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process killed mid-write may still hold a file for a moment: a leftover temp folder must
            // not fail a test that passed.
        }
    }
}
