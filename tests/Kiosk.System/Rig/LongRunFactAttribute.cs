namespace Kiosk.SystemTests.Rig;

/// <summary>
/// A system test that runs only with <c>KIOSK_SYSTEM_LONG=1</c> (<c>tests/Kiosk.System/kiosk-system --long</c>):
/// in the normal run it is reported as skipped, with the reason given, because the suite must leave .ci/run
/// within its budget.
/// </summary>
public sealed class LongRunFactAttribute : FactAttribute
{
    public LongRunFactAttribute(string why)
    {
        if (Environment.GetEnvironmentVariable("KIOSK_SYSTEM_LONG") != "1")
        {
            Skip = $"long run only (KIOSK_SYSTEM_LONG=1, tests/Kiosk.System/kiosk-system --long): {why}";
        }
    }
}
