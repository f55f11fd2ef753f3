using System.Text.Json;
using Kiosk.Content.Json;

namespace Kiosk.Host.Status;

/// <summary>
/// <c>status.json</c> in the root of the pack store (<c>/var/lib/kiosk/packs/status.json</c> on a device): the
/// one folder the sandboxed kiosk may write, and the folder the content key's forced command already knows.
/// Written aside and renamed, so a reader sees the old file or the new one, never half of one. Not fsynced:
/// it is rewritten every few seconds, and after a power cut the next write replaces whatever survived.
/// </summary>
public static class StatusFile
{
    public const string FileName = "status.json";

    public static string For(string store) => Path.Combine(Path.GetFullPath(store), FileName);

    public static void Write(string path, StatusReport report)
    {
        string? dir = Path.GetDirectoryName(path);
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        string temp = $"{path}.tmp-{Environment.ProcessId}";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(report, StatusReport.Json.TypeInfo<StatusReport>()));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The last status written, or null with the reason when there is none or it cannot be read.</summary>
    /// <param name="unreadable">True when a file is there but cannot be read: the kiosk's state is unknown.</param>
    public static StatusReport? TryRead(string path, out string? problem, out bool unreadable)
    {
        problem = null;
        unreadable = false;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), StatusReport.Json.TypeInfo<StatusReport>());
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = $"not running: no status file at {path} (no kiosk has run with this store)";
        }
        catch (UnauthorizedAccessException)
        {
            // /var/lib/kiosk is root:kiosk 0750: an admin account needs sudo (or the content key's status answer).
            problem = $"cannot tell: {path}: permission denied (run as root or as the kiosk user)";
            unreadable = true;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            problem = $"cannot tell: {path}: unreadable ({ex.Message})";
            unreadable = true;
        }

        return null;
    }
}
