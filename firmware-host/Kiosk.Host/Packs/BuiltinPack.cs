namespace Kiosk.Host.Packs;

/// <summary>The pack compiled from seeds/ at build time and shipped beside the executable.</summary>
public static class BuiltinPack
{
    public const string FileName = "builtin.kpack";

    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, FileName);
}
