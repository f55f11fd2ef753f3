using FsCheck;
using FsCheck.Fluent;

namespace Kiosk.Faults.Packs;

/// <summary>
/// FsCheck generators for <see cref="Mutation"/>s: every kind, weighted towards the ones with most room to
/// vary (bit flips, JSON node replacement), with positions as random non-negative numbers.
/// </summary>
public static class MutationGen
{
    public static Gen<Mutation> Any()
    {
        var weighted = Enum.GetValues<MutationKind>().Select(k => (Weight(k), Gen.Constant(k))).ToArray();
        var kind = Gen.Frequency(weighted);
        var number = Gen.Choose(0, int.MaxValue - 1);
        return from k in kind
               from a in number
               from b in number
               select new Mutation(k, a, b);
    }

    public static Arbitrary<Mutation> Arb() => FsCheck.Fluent.Arb.From(Any());

    /// <summary>A fixed list of mutations for a seed, so a run can be replayed.</summary>
    public static Mutation[] Sample(int seed, int count) =>
        Any().Sample(count, new Rnd((ulong)seed), 100);

    private static int Weight(MutationKind kind) => kind switch
    {
        MutationKind.BitFlips => 20,
        MutationKind.Truncate => 6,
        MutationKind.CasesReplaceNode => 20,
        MutationKind.RenameEntry or MutationKind.AddHostileEntry or MutationKind.ManifestEditField => 5,
        _ => 3,
    };
}
