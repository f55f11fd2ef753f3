namespace Kiosk.Faults.Packs;

/// <summary>What a mutant does to the built-in pack; see <see cref="Mutator"/> for each.</summary>
public enum MutationKind
{
    // Raw bytes of the zip file.
    BitFlips,
    Truncate,

    // Entries of the zip (manifest untouched).
    RemoveEntry,
    DuplicateEntry,
    RenameEntry,
    ReorderEntries,
    AddHostileEntry,
    SymlinkEntry,
    RecompressEntry,

    // The manifest edited (entries untouched).
    ManifestWrongHash,
    ManifestWrongFormat,
    ManifestHugeSize,
    ManifestEditField,
    ManifestDeepNesting,
    ManifestInvalidUtf8,

    // An entry's content changed with the manifest made consistent, so the change reaches the parser/validator.
    CasesReplaceNode,
    CasesInvalidUtf8,
    CasesDeepNesting,
    CasesHugeString,
    ZipBomb,
    FontNotAFont,
    FontSwap,
}
