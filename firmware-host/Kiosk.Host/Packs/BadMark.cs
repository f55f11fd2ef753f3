namespace Kiosk.Host.Packs;

/// <summary>
/// <c>bad.json</c> beside a pack that failed on the device (it would not load, the renderer threw, or no first
/// frame came in time): the kiosk never shows it again and rollback skips it, until it is installed again.
/// </summary>
internal sealed record BadMark(string Reason, DateTimeOffset Marked)
{
    public const string FileName = "bad.json";

    public static BadMark? TryRead(string packDir) => StoreJson.TryRead<BadMark>(Path.Combine(packDir, FileName));

    public void Write(string packDir) => StoreJson.Write(Path.Combine(packDir, FileName), this);
}
