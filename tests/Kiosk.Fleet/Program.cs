using Kiosk.Fleet.Bench;

namespace Kiosk.Fleet;

/// <summary>
/// The fleet benchmark's entry point (the tests run under dotnet test and never come here):
/// <c>dotnet run -c Release --project tests/Kiosk.Fleet -- bench [--hosts 50] [--rollout-hosts 2,4,8] [--batches 1,2,4]</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => FleetBench.Run(args, Console.Out);
}
