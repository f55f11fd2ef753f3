using Kiosk.Content.Diagnostics;
using Kiosk.Content.Fonts;
using Kiosk.Content.Model;
using Kiosk.Content.Sources;
using Kiosk.Content.Validation;

namespace Kiosk.Content.Packing;

/// <summary>
/// Re-checks a built pack as a device would before trusting it: checksums and limits (by reading it), the
/// same schema rules the compiler applied, glyph coverage by the pack's own fonts and, given the seed
/// papers, every quote and figure against its source.
/// </summary>
public static class PackVerifier
{
    public sealed record Result(LoadedPack? Pack, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public bool Ok => Pack is not null && Diagnostics.Count == 0;
    }

    public static Result Verify(string packPath, string? seedsDir = null)
    {
        LoadedPack pack;
        try
        {
            pack = PackReader.Read(packPath);
        }
        catch (ContentException ex)
        {
            return new Result(null, ex.Diagnostics);
        }

        var diagnostics = new DiagnosticBag();
        Check(pack, packPath, seedsDir, diagnostics);
        return new Result(diagnostics.HasErrors ? null : pack, diagnostics.Items);
    }

    public static void Check(LoadedPack pack, string packPath, string? seedsDir, DiagnosticBag diagnostics)
    {
        foreach (var (role, bytes) in pack.Fonts)
        {
            // The compiler only packs fonts with a character map; anything else would leave text undrawn.
            if (GlyphCoverage.ReadCmap(bytes).Count == 0)
            {
                diagnostics.Add(new Diagnostic(packPath, 0, 0, PackFormat.FontEntry(role), "not a font with a character map"));
            }
        }

        var used = PackCharacters.Of(pack.Content);
        foreach (var (role, bytes) in pack.Fonts)
        {
            // The cmap comes first in a font, so a font cut short or with flipped bytes still maps every character.
            if (FontProof.Check(bytes, used) is { } problem)
            {
                diagnostics.Add(new Diagnostic(packPath, 0, 0, PackFormat.FontEntry(role), problem));
            }
        }

        var coverage = GlyphCoverage.FromFonts(pack.Fonts.Values);
        var checker = seedsDir is null ? null : new SourceChecker(seedsDir);
        if (pack.Content.Cases.Count == 0)
        {
            diagnostics.Add(new Diagnostic(packPath, 0, 0, PackFormat.CasesEntry, "the pack has no cases"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in pack.Content.Cases)
        {
            // Positions inside the pack are JSON paths, so diagnostics name the case and field, not a line.
            var map = new SourceMap($"{packPath}: {PackFormat.CasesEntry}: cases[{c.Id}]");
            if (!ids.Add(c.Id))
            {
                diagnostics.Add(map.At("id", $"duplicate case id '{c.Id}'"));
            }

            new CaseValidator(map, diagnostics).Validate(c);
            foreach (var (path, text) in CaseTexts.Enumerate(c))
            {
                // The source reader refuses these before the validator runs; a pack has no source reader.
                if (string.IsNullOrWhiteSpace(text))
                {
                    diagnostics.Add(map.At(path, "empty"));
                    continue;
                }

                if (text.Length > PackFormat.MaxTextChars)
                {
                    diagnostics.Add(map.At(path, $"{text.Length:N0} characters; no text in a pack is over {PackFormat.MaxTextChars:N0}"));
                    continue;
                }

                if (TextRules.FirstForbidden(text) is { } forbidden)
                {
                    diagnostics.Add(map.At(path, forbidden));
                    continue;
                }

                if (coverage.FirstMissing(text) is { } missing)
                {
                    diagnostics.Add(map.At(path, $"no font in the pack has a glyph for U+{missing.Value:X4} '{missing}'"));
                }
            }

            checker?.Check(c, map, diagnostics);
        }
    }
}
