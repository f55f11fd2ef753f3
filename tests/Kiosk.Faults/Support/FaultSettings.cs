namespace Kiosk.Faults.Support;

/// <summary>
/// How hard the suite pushes: the default run fits the normal test budget, <c>KIOSK_FAULTS_LONG=1</c> (what
/// <c>kiosk-faults --long</c> sets) runs the long variants the brief asks for.
/// </summary>
public static class FaultSettings
{
    public const string LongVariable = "KIOSK_FAULTS_LONG";
    public const string WriteTableVariable = "KIOSK_FAULTS_WRITE_TABLE";

    public static bool Long => Environment.GetEnvironmentVariable(LongVariable) == "1";

    public static bool WriteTable => Environment.GetEnvironmentVariable(WriteTableVariable) == "1";

    /// <summary>The default count, or the long one under <see cref="LongVariable"/>.</summary>
    public static int Pick(int normal, int @long) => Long ? @long : normal;

    /// <summary>Seed for the random choices; <c>KIOSK_FAULTS_SEED</c> replays a run.</summary>
    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("KIOSK_FAULTS_SEED"), out int seed) ? seed : 20250612;
}
