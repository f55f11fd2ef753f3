using System.Text.Json;
using Kiosk.Content.Json;

namespace Kiosk.Host.Packs;

/// <summary>
/// <c>installed.json</c> beside each installed pack: which pack it is and when it was installed. The sequence
/// number orders installs even when two happen within one clock tick, and decides what "previous" means.
/// </summary>
internal sealed record InstallRecord(string Sha256, string PackId, string Version, DateTimeOffset Installed, long Sequence, string? Signer = null)
{
    public const string FileName = "installed.json";

    public static InstallRecord? TryRead(string dir)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(dir, FileName)), StoreJson.Options.TypeInfo<InstallRecord>());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public void Write(string dir) =>
        StoreJson.Write(Path.Combine(dir, FileName), this);
}
