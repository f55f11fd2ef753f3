using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Kiosk.Faults.Support.SoakFirstOrderer", "Kiosk.Faults")]

namespace Kiosk.Faults.Support;

/// <summary>
/// Runs the simulated day first, then every other test class by name. The day measures the whole process's heap and
/// RSS; run after the mutated packs (10 MB strings, zip bombs) it started at ~300 MB that were then released, and
/// "growth" came out at -230 MB: a memory check that could not fail. Collections already run one at a time
/// (xunit.runner.json), so first means a fresh process.
/// </summary>
public sealed class SoakFirstOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => c.DisplayName.Contains(".Soak.", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
