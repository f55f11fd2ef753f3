using Microsoft.Extensions.Options;
using Kiosk.Content.Packing;
using Kiosk.Host.Packs;
using Kiosk.Host.Settings;
using Kiosk.Host.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiosk.Host.Tests.Packs;

/// <summary>Hot reload: a changed pack file is loaded and handed over; a broken one never replaces the good one.</summary>
public sealed class PackWatcherTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void NewPackIsTakenAndBrokenPackIsRefused()
    {
        string shown = Path.Combine(_temp.Path, "shown.kpack");
        File.Copy(SeedPack.Path, shown);
        var watcher = Watcher(shown);
        Assert.Equal("regional-development-cases", watcher.Initial.Manifest.Id);
        watcher.Poll();
        Assert.False(watcher.TryTake(out _), "an unchanged file is not reloaded");

        // A different, valid pack: the small test pack.
        string small = Path.Combine(_temp.Path, "small.kpack");
        PackBuilder.Build(Repo.Path("tests", "Kiosk.Host.Tests", "Packs", "TestSource"), small);
        File.Copy(small, shown, overwrite: true);
        watcher.Poll();
        Assert.True(watcher.TryTake(out var fresh));
        Assert.NotEqual("regional-development-cases", fresh.Manifest.Id);

        // A truncated pack: refused, nothing handed over, and not retried until it changes again.
        byte[] bytes = File.ReadAllBytes(SeedPack.Path);
        File.WriteAllBytes(shown, bytes[..(bytes.Length / 3)]);
        watcher.Poll();
        Assert.False(watcher.TryTake(out _));
        watcher.Poll();
        Assert.False(watcher.TryTake(out _));
    }

    [Fact]
    public void InstallAndRollbackInTheStoreAreSwappedIn()
    {
        string root = Path.Combine(_temp.Path, "store");
        var store = new Kiosk.Host.Packs.PackStore(new Kiosk.Host.Packs.PackStoreOptions { Root = root, TrustedKeysDir = Path.Combine(_temp.Path, "no-keys"), AllowUnsigned = true }, TimeProvider.System);
        Assert.True(store.Install(SeedPack.Path).Ok);
        var config = KioskSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Kiosk:Store"] = root }).Build());
        var watcher = new PackWatcher(Options.Create(config.PackWatcher), TimeProvider.System, NullLogger<PackWatcher>.Instance);
        Assert.Equal("regional-development-cases", watcher.Initial.Manifest.Id);

        string small = Path.Combine(_temp.Path, "small.kpack");
        PackBuilder.Build(Repo.Path("tests", "Kiosk.Host.Tests", "Packs", "TestSource"), small);
        Assert.True(store.Install(small).Ok);
        watcher.Poll();
        Assert.True(watcher.TryTake(out var installed));
        Assert.NotEqual("regional-development-cases", installed.Manifest.Id);

        Assert.True(store.Rollback().Ok);
        watcher.Poll();
        Assert.True(watcher.TryTake(out var rolledBack));
        Assert.Equal("regional-development-cases", rolledBack.Manifest.Id);
    }

    private static PackWatcher Watcher(string pack)
    {
        var config = KioskSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Kiosk:Pack"] = pack }).Build());
        return new PackWatcher(Options.Create(config.PackWatcher), TimeProvider.System, NullLogger<PackWatcher>.Instance);
    }
}
