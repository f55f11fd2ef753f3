using Kiosk.Content.Diagnostics;
using Kiosk.Content.Packing;
using Kiosk.Content.Signing;

namespace Kiosk.Host.Packs;

/// <summary>
/// Everything a staged pack must pass before it may become current: the verifier's checksums, schema and
/// glyph checks, and a signature by a trusted key unless the device was set to accept unsigned packs.
/// </summary>
internal static class StagedPackCheck
{
    /// <param name="Signer">The key id that signed it (verified), or null for a pack accepted unsigned.</param>
    public sealed record Outcome(LoadedPack? Pack, IReadOnlyList<string> Problems, string? Signer = null);

    public static Outcome Run(string stagedPath, string displayName, PackStoreOptions options)
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
        string? signer = null;
        bool keys = TrustedKeys.IsConfigured(options.TrustedKeysDir);
        if (!options.AllowUnsigned && !keys)
        {
            problems.Add($"{displayName}: refused: no trusted keys in {options.TrustedKeysDir}; this kiosk installs only signed packs "
                + "(copy a 'kiosk keygen' .pub there, or set Kiosk:AllowUnsignedPacks / --allow-unsigned to accept unsigned packs)");
        }
        else if (keys && (!options.AllowUnsigned || pack.Signature is not null))
        {
            var signature = PackSignature.Verify(pack, options.TrustedKeysDir);
            if (signature.Ok)
            {
                signer = signature.KeyId;
            }
            else
            {
                problems.Add($"{displayName}: {signature.Message}");
            }
        }

        return new Outcome(problems.Count == 0 ? pack : null, problems, signer);
    }
}
