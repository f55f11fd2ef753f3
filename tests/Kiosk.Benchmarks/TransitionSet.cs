using Kiosk.Bench;
using Kiosk.Render.Profiles;

namespace Kiosk.Benchmarks;

/// <summary>One warm workload per transition kind at one profile, looked up by the kind's name.</summary>
internal sealed class TransitionSet : IDisposable
{
    private readonly Dictionary<string, TransitionWorkload> _byKind = [];

    public TransitionSet(DisplayProfile profile)
    {
        var pack = BuiltinPack.Value;
        foreach (var kind in TransitionKind.All(pack.Content))
        {
            _byKind[kind.Name] = new TransitionWorkload(pack.Content, pack.Fonts, profile, BenchGoals.IsSpi(profile), kind);
        }
    }

    public TransitionWorkload this[string kind] => _byKind[kind];

    public void Dispose()
    {
        foreach (var w in _byKind.Values)
        {
            w.Dispose();
        }
    }
}
