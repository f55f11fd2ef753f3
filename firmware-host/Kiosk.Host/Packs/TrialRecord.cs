namespace Kiosk.Host.Packs;

/// <summary>
/// <c>trial.json</c> at the store's root while the running kiosk tries a pack that is current but not yet
/// committed. Found at start, it means the trial was cut short (a power cut, a crash, a watchdog restart) before
/// the pack proved itself, and the pack is reverted.
/// </summary>
internal sealed record TrialRecord(string Sha256, DateTimeOffset Started)
{
    public const string FileName = "trial.json";

    public static TrialRecord? TryRead(string root) => StoreJson.TryRead<TrialRecord>(Path.Combine(root, FileName));

    public void Write(string root) => StoreJson.Write(Path.Combine(root, FileName), this);

    public static void Clear(string root) => AtomicFile.Delete(Path.Combine(root, FileName));
}
