namespace Kiosk.Faults.Packs;

/// <summary>One generated mutation: a kind and two random numbers that pick where and how.</summary>
public sealed record Mutation(MutationKind Kind, int A, int B)
{
    public override string ToString() => $"{Kind}({A},{B})";
}
