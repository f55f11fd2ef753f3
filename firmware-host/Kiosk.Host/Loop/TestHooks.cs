using Kiosk.Content.Packing;

namespace Kiosk.Host.Loop;

/// <summary>
/// Faults the tests inject into a real frame loop. Compiled only into builds the tests run (KIOSK_TEST_HOOKS, set in the
/// host project file); a published kiosk has an empty method here.
/// </summary>
internal static class TestHooks
{
    /// <summary>A pack with this id makes the renderer throw, as a pack that breaks on the device would.</summary>
    public const string ThrowingPackId = "kiosk-test-throws-in-renderer";

#if KIOSK_TEST_HOOKS
    public const bool Compiled = true;
#else
    public const bool Compiled = false;
#endif

    public static void ThrowIfRenderHooked(LoadedPack pack)
    {
#if KIOSK_TEST_HOOKS
        if (pack.Manifest.Id == ThrowingPackId)
        {
            throw new InvalidOperationException($"test hook: pack {ThrowingPackId} throws in the renderer");
        }
#endif
    }
}
