using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kiosk.Content.Json;
using Kiosk.Content.Model;

namespace Kiosk.Content.Packing;

/// <summary>The pack file layout and its JSON conventions, shared by the compiler, reader and inspector.</summary>
public static class PackFormat
{
    public const int Version = 1;
    public const string ManifestEntry = "manifest.json";
    public const string CasesEntry = "cases.json";
    public const string SignatureEntry = "signature.json";
    public const string FontsFolder = "fonts/";
    public const string Extension = ".kpack";

    /// <summary>Limits that keep a hostile pack from exhausting a Pi's memory or disk while it is read.</summary>
    public const int MaxEntries = 64;
    public const long MaxEntryBytes = 64L * 1024 * 1024;
    public const long MaxManifestBytes = 1024 * 1024;
    public const long MaxSignatureBytes = 64 * 1024;
    public const long MaxCasesBytes = 16L * 1024 * 1024;
    public const int MaxIdChars = 64;
    public const int MaxCompressionRatio = 200;

    /// <summary>Longest text a pack may carry in one field; far above any screen's room, far below a hostile string.</summary>
    public const int MaxTextChars = 4000;

    public static readonly IReadOnlyList<string> FontRoles = ["latin", "latin-bold", "cjk"];

    /// <summary>snake_case like the YAML sources, so a curator recognises every field in inspect output.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Names only: an integer would bind to any value of the enum's type, including ones that name nothing. One
        // converter per enum a pack carries (only Scale): the non-generic converter needs code made at run time.
        Converters = { new JsonStringEnumConverter<Scale>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        MaxDepth = 32,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        // Generated code only (GeneratedJson): the kiosk is compiled ahead of time, where reflection-based
        // serializers do not exist. The host's store records bring their own context (StoreJson).
        TypeInfoResolver = PackJsonContext.Default,
    };

    /// <summary>Limit for one entry: the manifest, cases and signature have their own, far below a font's.</summary>
    public static long MaxBytesOf(string entry) => entry switch
    {
        ManifestEntry => MaxManifestBytes,
        SignatureEntry => MaxSignatureBytes,
        CasesEntry => MaxCasesBytes,
        _ => MaxEntryBytes,
    };

    /// <summary>A pack id: lower-case letters, digits, '.', '_' and '-', starting and ending with a letter or digit.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= MaxIdChars } && (char.IsAsciiLetterLower(id[0]) || char.IsAsciiDigit(id[0]))
        && (char.IsAsciiLetterLower(id[^1]) || char.IsAsciiDigit(id[^1]))
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-');

    public static string FontEntry(string role) => $"{FontsFolder}{role}.ttf";

    /// <summary>Entry names a pack may hold; anything else (paths with '..', absolute names) is refused.</summary>
    public static bool IsAllowedEntry(string name) =>
        name is ManifestEntry or CasesEntry or SignatureEntry || FontRoles.Any(r => name == FontEntry(r));
}
