using System.Reflection;

namespace Kiosk.Host.Status;

/// <summary>The kiosk's version as built (the informational version: number and commit).</summary>
public static class KioskVersion
{
    public static string Text { get; } =
        typeof(KioskVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
