namespace Kiosk.Tests.Shared;

/// <summary>The dotnet host and the built kiosk.dll, by full path: sshd gives a forced command a bare PATH.</summary>
internal static class Dotnet
{
    public static string KioskDll { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "kiosk.dll");

    public static string Path { get; } = Find();

    private static string Find()
    {
        // Set by the dotnet CLI for the processes it starts (dotnet test); else the muxer running these tests.
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        return ChildProcess.Which("dotnet") ?? throw new InvalidOperationException("dotnet not found on PATH");
    }
}
