namespace Kiosk.Host.Packs;

/// <summary>
/// The named points of an install, in order, reported to the store's step callback so tests (and
/// <c>KIOSK_INSTALL_CRASH_AT</c>) can stop an install exactly there.
/// </summary>
public static class InstallSteps
{
    /// <summary>The pack's bytes are in the staging folder.</summary>
    public const string Staged = "staged";

    /// <summary>The staged pack and its folder are on disk.</summary>
    public const string Fsynced = "fsynced";

    /// <summary>Checksums, schema, fonts and (with trusted keys) the signature all passed.</summary>
    public const string Verified = "verified";

    /// <summary>The pack's folder is in place under its sha256; <c>current</c> has not moved yet.</summary>
    public const string Moved = "moved";

    /// <summary><c>current</c> points at the new pack.</summary>
    public const string Linked = "linked";

    /// <summary>Old packs beyond the keep count are gone.</summary>
    public const string Pruned = "pruned";

    public static IReadOnlyList<string> All { get; } = [Staged, Fsynced, Verified, Moved, Linked, Pruned];
}
