using Kiosk.Content.Diagnostics;
using Kiosk.Content.Packing;
using Kiosk.Content.Signing;

namespace Kiosk.Host.Packs;

/// <summary>
/// Everything a staged pack must pass before it may become current: the verifier's checksums, schema and
/// glyph checks, and, when the kiosk trusts any keys, a signature by one of them.
/// </summary>
internal static class StagedPackCheck
{
    public sealed record Outcome(LoadedPack? Pack, IReadOnlyList<string> Problems);

    public static Outcome Run(string stagedPath, string displayName, string trustedKeysDir)
    {
        LoadedPack pack;
        try
        {
            using var stream = File.OpenRead(stagedPath);
            // The display name, not the staging path, so messages name what the operator sent.
            pack = PackReader.Read(stream, displayName);
        }
        catch (ContentException ex)
        {
            return new Outcome(null, ex.Diagnostics.Select(d => d.ToString()).ToList());
        }

        var diagnostics = new DiagnosticBag();
        PackVerifier.Check(pack, displayName, seedsDir: null, diagnostics);
        var problems = diagnostics.Items.Select(d => d.ToString()).ToList();
        if (TrustedKeys.IsConfigured(trustedKeysDir))
        {
            var signature = PackSignature.Verify(pack, trustedKeysDir);
            if (!signature.Ok)
            {
                problems.Add($"{displayName}: {signature.Message}");
            }
        }

        return new Outcome(problems.Count == 0 ? pack : null, problems);
    }
}
