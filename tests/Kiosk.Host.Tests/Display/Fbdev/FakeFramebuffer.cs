using Kiosk.Host.Display.Fbdev;

namespace Kiosk.Host.Tests.Display.Fbdev;

/// <summary>A temp file the size of a framebuffer, pre-filled with a marker byte so untouched bytes show.</summary>
internal sealed class FakeFramebuffer : IDisposable
{
    public const byte Untouched = 0xAA;

    private readonly TempDir _temp = new();

    public FakeFramebuffer(FramebufferGeometry geometry)
    {
        Geometry = geometry;
        Path = _temp.File("fb");
        File.WriteAllBytes(Path, Enumerable.Repeat(Untouched, (int)geometry.Length).ToArray());
    }

    public FramebufferGeometry Geometry { get; }

    public string Path { get; }

    public FbdevSink CreateSink() => new(Path, new FixedFramebufferInfo(Geometry));

    public byte[] Bytes() => File.ReadAllBytes(Path);

    public void Dispose() => _temp.Dispose();
}
