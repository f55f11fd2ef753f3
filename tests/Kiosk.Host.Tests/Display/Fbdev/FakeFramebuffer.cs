using Kiosk.Host.Display.Fbdev;

namespace Kiosk.Host.Tests.Display.Fbdev;

/// <summary>A temp file the size of a framebuffer, pre-filled with a marker byte so untouched bytes show.</summary>
internal sealed class FakeFramebuffer : IDisposable
{
    public const byte Untouched = 0xAA;

    public FakeFramebuffer(FramebufferGeometry geometry)
    {
        Geometry = geometry;
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kiosk-fb-{Guid.NewGuid():N}");
        File.WriteAllBytes(Path, Enumerable.Repeat(Untouched, (int)geometry.Length).ToArray());
    }

    public FramebufferGeometry Geometry { get; }

    public string Path { get; }

    public FbdevSink CreateSink() => new(Path, new FixedFramebufferInfo(Geometry));

    public byte[] Bytes() => File.ReadAllBytes(Path);

    public void Dispose() => File.Delete(Path);
}
