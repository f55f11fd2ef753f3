using System.Buffers.Binary;

namespace Kiosk.Host.Input;

/// <summary>
/// Reads <c>struct input_event</c> records from a stream (an evdev device or a recording). Reads may return
/// part of a record; the rest is kept for the next read. A partial record left when the stream ends is dropped
/// and counted in <see cref="TruncatedBytes"/>. Fields are little-endian, as on every Raspberry Pi.
/// </summary>
public sealed class InputEventReader
{
    private const int RecordsPerRead = 64;

    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;

    public InputEventReader(Stream stream, int eventSize = LinuxInput.EventSize64)
    {
        if (eventSize is not (LinuxInput.EventSize64 or LinuxInput.EventSize32))
        {
            throw new ArgumentOutOfRangeException(nameof(eventSize), eventSize, "An input_event record is 24 (64-bit) or 16 (32-bit) bytes.");
        }

        _stream = stream;
        EventSize = eventSize;
        _buffer = new byte[eventSize * RecordsPerRead];
    }

    public int EventSize { get; }

    /// <summary>Bytes of an incomplete record at the end of the stream; 0 until the stream has ended.</summary>
    public int TruncatedBytes { get; private set; }

    /// <summary>Blocks until the next whole event; false when the stream has ended.</summary>
    public bool TryRead(out InputEvent inputEvent)
    {
        while (_end - _start < EventSize)
        {
            if (!Fill())
            {
                TruncatedBytes = _end - _start;
                inputEvent = default;
                return false;
            }
        }

        inputEvent = Parse(_buffer.AsSpan(_start, EventSize));
        _start += EventSize;
        return true;
    }

    /// <summary>Decodes one record of 24 or 16 bytes.</summary>
    public static InputEvent Parse(ReadOnlySpan<byte> record)
    {
        long seconds;
        long microseconds;
        int rest;
        if (record.Length == LinuxInput.EventSize64)
        {
            seconds = BinaryPrimitives.ReadInt64LittleEndian(record);
            microseconds = BinaryPrimitives.ReadInt64LittleEndian(record[8..]);
            rest = 16;
        }
        else if (record.Length == LinuxInput.EventSize32)
        {
            seconds = BinaryPrimitives.ReadUInt32LittleEndian(record);
            microseconds = BinaryPrimitives.ReadInt32LittleEndian(record[4..]);
            rest = 8;
        }
        else
        {
            throw new ArgumentException($"An input_event record is 24 or 16 bytes, not {record.Length}.", nameof(record));
        }

        var timestamp = TimeSpan.FromTicks((seconds * TimeSpan.TicksPerSecond) + (microseconds * TimeSpan.TicksPerMicrosecond));
        return new InputEvent(
            timestamp,
            BinaryPrimitives.ReadUInt16LittleEndian(record[rest..]),
            BinaryPrimitives.ReadUInt16LittleEndian(record[(rest + 2)..]),
            BinaryPrimitives.ReadInt32LittleEndian(record[(rest + 4)..]));
    }

    private bool Fill()
    {
        // Keep the unread tail at the front so a record split across reads is contiguous.
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        return read > 0;
    }
}
