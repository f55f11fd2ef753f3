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
    /// <remarks>
    /// Fully optimised from the first call: under tiered compilation a loop method can stay at a lower tier for a
    /// long time (seen under BenchmarkDotNet: 3x slower), and a panel sink calls this from its first frame.
    /// Never inlined: under dynamic PGO the tier-1 <see cref="ConvertRow"/> inlined this loop and then ran out of
    /// inlining budget for the byte-order shuffles, leaving two real calls per 16 pixels with vectors passed in
    /// memory (<c>DOTNET_JitDisasmSummary=1</c> showed <c>PickLow</c>/<c>PickHigh</c> compiled on their own, a
    /// 1011-byte <c>ConvertRow</c>, and the conversion at 1.43x memcpy against 0.78x with PGO off).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
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
                // The byte shuffles stay within 128-bit lanes (one instruction each on AVX2), leaving quarters in the
                // order lo0 hi0 lo1 hi1; one permute of 64-bit quarters puts them right.
                var mixed = TOrder.PickLow(Shifted(lo).AsByte()) | TOrder.PickHigh(Shifted(hi).AsByte());
                Vector256.Shuffle(mixed.AsUInt64(), Vector256.Create(0ul, 2, 1, 3)).AsUInt16().StoreUnsafe(ref dst, (nuint)i);
            }
        }

        for (; i <= pixels - 8; i += 8)
        {
            var lo = Shifted(Vector128.LoadUnsafe(ref src, (nuint)i)).AsByte();
            var hi = Shifted(Vector128.LoadUnsafe(ref src, (nuint)(i + 4))).AsByte();
            (TOrder.PickLow(lo) | TOrder.PickHigh(hi)).AsUInt16().StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }

    /// <summary>
    /// The RGB565 value of each pixel in bits 8..23 of its lane (bytes 0 and 3 hold leftovers): R5 is already in
    /// place in 0x00RRGGBB, so this costs fewer operations than the value itself, and a byte shuffle then takes
    /// bytes 1 and 2 of each lane in either order, which makes the big-endian swap free.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Shifted(Vector128<uint> p)
    {
        var rb = p & Vector128.Create(0x00F800F8u);
        return rb | (rb << 5) | ((p & Vector128.Create(0x0000FC00u)) << 3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Shifted(Vector256<uint> p)
    {
        var rb = p & Vector256.Create(0x00F800F8u);
        return rb | (rb << 5) | ((p & Vector256.Create(0x0000FC00u)) << 3);
    }

    /// <summary>Byte order of the output as a type argument, so the JIT compiles one loop per order with no branch inside.</summary>
    private interface IByteOrder
    {
        /// <summary>Four pixels' two bytes into bytes 0..7 (8..15 zero).</summary>
        static abstract Vector128<byte> PickLow(Vector128<byte> shifted);

        /// <summary>Four pixels' two bytes into bytes 8..15 (0..7 zero).</summary>
        static abstract Vector128<byte> PickHigh(Vector128<byte> shifted);

        /// <summary>As <see cref="PickLow(Vector128{byte})"/>, in each 128-bit lane.</summary>
        static abstract Vector256<byte> PickLow(Vector256<byte> shifted);

        /// <summary>As <see cref="PickHigh(Vector128{byte})"/>, in each 128-bit lane.</summary>
        static abstract Vector256<byte> PickHigh(Vector256<byte> shifted);
    }

    private readonly struct LittleEndianOrder : IByteOrder
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<byte> PickLow(Vector128<byte> s) =>
            Vector128.Shuffle(s, Vector128.Create((byte)1, 2, 5, 6, 9, 10, 13, 14, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<byte> PickHigh(Vector128<byte> s) =>
            Vector128.Shuffle(s, Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 5, 6, 9, 10, 13, 14));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<byte> PickLow(Vector256<byte> s) => Vector256.Shuffle(s, Vector256.Create(
            (byte)1, 2, 5, 6, 9, 10, 13, 14, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            17, 18, 21, 22, 25, 26, 29, 30, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<byte> PickHigh(Vector256<byte> s) => Vector256.Shuffle(s, Vector256.Create(
            (byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 5, 6, 9, 10, 13, 14,
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 17, 18, 21, 22, 25, 26, 29, 30));
    }

    private readonly struct BigEndianOrder : IByteOrder
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<byte> PickLow(Vector128<byte> s) =>
            Vector128.Shuffle(s, Vector128.Create((byte)2, 1, 6, 5, 10, 9, 14, 13, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<byte> PickHigh(Vector128<byte> s) =>
            Vector128.Shuffle(s, Vector128.Create((byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 2, 1, 6, 5, 10, 9, 14, 13));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<byte> PickLow(Vector256<byte> s) => Vector256.Shuffle(s, Vector256.Create(
            (byte)2, 1, 6, 5, 10, 9, 14, 13, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            18, 17, 22, 21, 26, 25, 30, 29, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<byte> PickHigh(Vector256<byte> s) => Vector256.Shuffle(s, Vector256.Create(
            (byte)0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 2, 1, 6, 5, 10, 9, 14, 13,
            0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 18, 17, 22, 21, 26, 25, 30, 29));
    }
}
