using System.Buffers.Binary;
using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Input;

/// <summary>Writes events the way the kernel does, to build recordings for the reader and decoder tests.</summary>
internal static class InputEventEncoder
{
    public static byte[] Encode(IEnumerable<InputEvent> events, int eventSize = LinuxInput.EventSize64)
    {
        var output = new MemoryStream();
        Span<byte> record = stackalloc byte[eventSize];
        foreach (InputEvent e in events)
        {
            Write(record, e);
            output.Write(record);
        }

        return output.ToArray();
    }

    public static void Write(Span<byte> record, InputEvent e)
    {
        long seconds = e.Timestamp.Ticks / TimeSpan.TicksPerSecond;
        long microseconds = e.Timestamp.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond;
        int rest;
        if (record.Length == LinuxInput.EventSize64)
        {
            BinaryPrimitives.WriteInt64LittleEndian(record, seconds);
            BinaryPrimitives.WriteInt64LittleEndian(record[8..], microseconds);
            rest = 16;
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(record, checked((uint)seconds));
            BinaryPrimitives.WriteInt32LittleEndian(record[4..], (int)microseconds);
            rest = 8;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(record[rest..], e.Type);
        BinaryPrimitives.WriteUInt16LittleEndian(record[(rest + 2)..], e.Code);
        BinaryPrimitives.WriteInt32LittleEndian(record[(rest + 4)..], e.Value);
    }
}
