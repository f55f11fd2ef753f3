using System.IO.Hashing;
using Kiosk.Render.Frames;

namespace Kiosk.Host.Status;

/// <summary>
/// A fingerprint of a frame's pixels (XXH128 of its BGRA bytes, hex), so a report can prove what is on the glass
/// and compare it with <c>kiosk render</c> of the same screen. Not a cryptographic hash: nobody forges frames,
/// and at 1920x1080 SHA-256 would cost the Pi 4 (no ARMv8 crypto extensions) tens of milliseconds a frame.
/// </summary>
public static class FrameHash
{
    public static string Of(Frame frame) => Of(frame.Pixels);

    public static string Of(ReadOnlySpan<byte> bgra) => Convert.ToHexStringLower(XxHash128.Hash(bgra));
}
