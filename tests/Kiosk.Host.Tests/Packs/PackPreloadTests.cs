using Kiosk.Host.Packs;

namespace Kiosk.Host.Tests.Packs;

/// <summary>
/// The pack read ahead at <c>kiosk run</c>'s start is handed over only for the very file it read, unchanged;
/// anything else is read again by the watcher, so a preload can speed a start up but never decide what is shown.
/// </summary>
public sealed class PackPreloadTests
{
    [Fact]
    public void The_preloaded_read_is_given_for_the_same_unchanged_file()
    {
        using var dir = new TempDir();
        string pack = dir.Combine("cases.kpack");
        File.Copy(SeedPack.Path, pack);

        var preload = PackPreload.Begin(pack, dir.Combine("store"))!;

        Assert.True(preload.TryTake(pack, out var read));
        Assert.NotNull(read.Pack);
        Assert.Equal(string.Empty, read.Problems);
        Assert.False(preload.TryTake(SeedPack.Path, out _));
    }

    [Fact]
    public void A_file_changed_after_the_read_began_is_not_given()
    {
        using var dir = new TempDir();
        string pack = dir.Combine("cases.kpack");
        File.Copy(SeedPack.Path, pack);
        var preload = PackPreload.Begin(pack, dir.Combine("store"))!;

        File.Copy(SeedPack.OtherVersion, pack, overwrite: true);
        File.SetLastWriteTimeUtc(pack, DateTime.UtcNow.AddMinutes(1));

        Assert.False(preload.TryTake(pack, out _));
    }

    [Fact]
    public void A_damaged_file_is_preloaded_as_refused_with_its_problems()
    {
        using var dir = new TempDir();
        string pack = dir.Combine("cases.kpack");
        File.WriteAllBytes(pack, File.ReadAllBytes(SeedPack.Path)[..1000]);

        var preload = PackPreload.Begin(pack, dir.Combine("store"))!;

        Assert.True(preload.TryTake(pack, out var read));
        Assert.Null(read.Pack);
        Assert.NotEmpty(read.Problems);
    }

    [Fact]
    public void With_no_pack_and_an_empty_store_the_built_in_pack_is_preloaded_or_nothing()
    {
        using var dir = new TempDir();
        var preload = PackPreload.Begin(null, dir.Combine("no-store"));

        // The built-in pack sits beside the test's kiosk build; where it does not, nothing is preloaded.
        Assert.Equal(File.Exists(BuiltinPack.Path), preload is not null);
        if (preload is not null)
        {
            Assert.True(preload.TryTake(BuiltinPack.Path, out var read));
            Assert.NotNull(read.Pack);
        }
    }
}
