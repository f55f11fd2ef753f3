using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Kiosk.Render.Frames;

/// <summary>
/// BGRA8888 to RGB565, the format small SPI panels take. Big-endian is what ST7789/ILI9341 expect on the wire;
/// little-endian is what a 16 bpp Linux framebuffer holds.
/// </summary>
/// <remarks>
/// Read as a little-endian uint, a BGRA pixel is 0xAARRGGBB, so each RGB565 field is one shift and one mask of
/// that word: the vector path does exactly the arithmetic of <see cref="Pack"/>, lane by lane, and so gives the
/// same bytes. Vector128 is what a Pi's NEON runs; Vector256 only where the CPU has it (x64 dev machines).
/// </remarks>
public static class Rgb565
{
    /// <summary>Converts one row of pixels (4 bytes in, 2 bytes out per pixel).</summary>
    public static void ConvertRow(ReadOnlySpan<byte> bgra, Span<byte> rgb565, bool bigEndian)
    {
        int pixels = bgra.Length / 4;
        if (rgb565.Length < pixels * 2)
        {
            throw new ArgumentException($"destination holds {rgb565.Length / 2} pixels, source has {pixels}", nameof(rgb565));
        }

        if (!BitConverter.IsLittleEndian || !Vector128.IsHardwareAccelerated)
        {
            ConvertRowScalar(bgra, rgb565, bigEndian);
            return;
        }

        ref uint src = ref Unsafe.As<byte, uint>(ref MemoryMarshal.GetReference(bgra));
        ref ushort dst = ref Unsafe.As<byte, ushort>(ref MemoryMarshal.GetReference(rgb565));
        int done = bigEndian ? ConvertVectors<BigEndianOrder>(ref src, ref dst, pixels) : ConvertVectors<LittleEndianOrder>(ref src, ref dst, pixels);
        ConvertRowScalar(bgra[(done * 4)..(pixels * 4)], rgb565[(done * 2)..], bigEndian);
    }

    /// <summary>The scalar reference the vector path must match byte for byte; kept for tests and benchmarks.</summary>
    public static void ConvertRowScalar(ReadOnlySpan<byte> bgra, Span<byte> rgb565, bool bigEndian)
    {
        int pixels = bgra.Length / 4;
        for (int i = 0; i < pixels; i++)
        {
            ushort v = Pack(bgra[(i * 4) + 2], bgra[(i * 4) + 1], bgra[i * 4]);
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(rgb565[(i * 2)..], v);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(rgb565[(i * 2)..], v);
            }
        }
    }

    /// <summary>Converts the rectangle <paramref name="rect"/> of <paramref name="frame"/> into a tightly packed buffer.</summary>
    public static void ConvertRect(Frame frame, PixelRect rect, Span<byte> destination, bool bigEndian)
    {
        // Full-width rectangles are one contiguous run of pixels: one call keeps the vector loop going across rows.
        if (rect.X == 0 && rect.Width == frame.Width)
        {
            ConvertRow(frame.Pixels.AsSpan(rect.Y * frame.Stride, rect.Height * frame.Stride), destination, bigEndian);
            return;
        }

        int rowBytes = rect.Width * 2;
        for (int y = 0; y < rect.Height; y++)
        {
            var src = frame.Pixels.AsSpan(((rect.Y + y) * frame.Stride) + (rect.X * 4), rect.Width * 4);
            ConvertRow(src, destination.Slice(y * rowBytes, rowBytes), bigEndian);
        }
    }

    public static ushort Pack(byte r, byte g, byte b) => (ushort)(((r & 0xF8) << 8) | ((g & 0xFC) << 3) | (b >> 3));

    /// <summary>Converts whole vectors of pixels and returns how many were done; the caller finishes the tail.</summary>
    private static int ConvertVectors<TOrder>(ref uint src, ref ushort dst, int pixels)
        where TOrder : struct, IByteOrder
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= pixels - 16; i += 16)
            {
                var lo = Vector256.LoadUnsafe(ref src, (nuint)i);
                var hi = Vector256.LoadUnsafe(ref src, (nuint)(i + 8));
                TOrder.Order(Vector256.Narrow(Pack(lo), Pack(hi))).StoreUnsafe(ref dst, (nuint)i);
            }
        }

        for (; i <= pixels - 8; i += 8)
        {
            var lo = Vector128.LoadUnsafe(ref src, (nuint)i);
            var hi = Vector128.LoadUnsafe(ref src, (nuint)(i + 4));
            TOrder.Order(Vector128.Narrow(Pack(lo), Pack(hi))).StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Pack(Vector128<uint> p) =>
        ((p >>> 8) & Vector128.Create(0xF800u)) | ((p >>> 5) & Vector128.Create(0x07E0u)) | ((p >>> 3) & Vector128.Create(0x001Fu));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Pack(Vector256<uint> p) =>
        ((p >>> 8) & Vector256.Create(0xF800u)) | ((p >>> 5) & Vector256.Create(0x07E0u)) | ((p >>> 3) & Vector256.Create(0x001Fu));

    /// <summary>Byte order of the output as a type argument, so the JIT compiles one loop per order with no branch inside.</summary>
    private interface IByteOrder
    {
        static abstract Vector128<ushort> Order(Vector128<ushort> v);

        static abstract Vector256<ushort> Order(Vector256<ushort> v);
    }

    private readonly struct LittleEndianOrder : IByteOrder
    {
        public static Vector128<ushort> Order(Vector128<ushort> v) => v;

        public static Vector256<ushort> Order(Vector256<ushort> v) => v;
    }

    private readonly struct BigEndianOrder : IByteOrder
    {
        public static Vector128<ushort> Order(Vector128<ushort> v) => (v << 8) | (v >>> 8);

        public static Vector256<ushort> Order(Vector256<ushort> v) => (v << 8) | (v >>> 8);
    }
}
