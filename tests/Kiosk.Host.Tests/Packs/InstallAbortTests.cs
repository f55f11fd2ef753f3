using Microsoft.Extensions.Time.Testing;
using Kiosk.Content.Packing;
using Kiosk.Host.Packs;

using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Host.Tests.Packs;

/// <summary>
/// An install stopped at any step, as an exception thrown from the step callback, must leave a current pack
/// that verifies, and must not get in the way of the next install.
/// </summary>
public sealed class InstallAbortTests(TestPacks packs) : IClassFixture<TestPacks>, IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public static TheoryData<string> Steps => [.. InstallSteps.All];

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(Steps))]
    public void An_install_aborted_at_any_step_leaves_a_valid_current_pack(string step)
    {
        var options = new PackStoreOptions { Root = _dir.Combine("store"), TrustedKeysDir = _dir.Combine("no-keys") };
        Assert.True(new PackStore(options, _time).Install(packs.Pack("1.0.0")).Ok);
        var seen = new List<string>();
        var aborting = new PackStore(options, _time, s =>
        {
            seen.Add(s);
            if (s == step)
            {
                throw new SimulatedCrashException(s);
            }
        });

        var thrown = Assert.Throws<SimulatedCrashException>(() => aborting.Install(packs.Pack("1.1.0")));

        Assert.Equal(step, thrown.Message);
        Assert.Equal(InstallSteps.All.TakeWhile(s => s != step).Append(step), seen);
        var store = new PackStore(options, _time);
        Assert.NotNull(store.Current);
        var verified = PackVerifier.Verify(store.Current);
        Assert.True(verified.Ok, string.Join("; ", verified.Diagnostics));
        // Until the link step the old pack is still current; from then on the new one is.
        bool switched = InstallSteps.All.ToList().IndexOf(step) >= InstallSteps.All.ToList().IndexOf(InstallSteps.Linked);
        Assert.Equal(switched ? "1.1.0" : "1.0.0", verified.Pack!.Manifest.Version);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(store.Root, ".staging")));

        var fresh = store.Install(packs.Pack("1.2.0"));

        Assert.True(fresh.Ok, string.Join("; ", fresh.Problems));
        Assert.Equal("1.2.0", PackReader.Read(store.Current!).Manifest.Version);
    }

    private sealed class SimulatedCrashException(string step) : Exception(step);
}
