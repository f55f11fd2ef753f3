using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Input;

public class InputEventReaderTests
{
    private static readonly InputEvent[] Sample =
    [
        new(new TimeSpan(1_750_000_000L * TimeSpan.TicksPerSecond + 123_456 * TimeSpan.TicksPerMicrosecond), LinuxInput.EvKey, LinuxInput.KeyHome, 1),
        new(TimeSpan.FromSeconds(1_750_000_001), LinuxInput.EvSyn, 0, 0),
        new(TimeSpan.FromSeconds(1_750_000_002), LinuxInput.EvKey, 0x2ff, -7),
    ];

    [Fact]
    public void Parses_the_64_bit_layout_field_by_field()
    {
        byte[] record =
        [
            0x80, 0xE1, 0x4E, 0x68, 0, 0, 0, 0, // tv_sec = 1750000000
            0x40, 0xE2, 0x01, 0, 0, 0, 0, 0,    // tv_usec = 123456
            0x01, 0x00,                         // type = EV_KEY
            0x66, 0x00,                         // code = KEY_HOME (102)
            0x01, 0x00, 0x00, 0x00,             // value = 1
        ];

        Assert.Equal(Sample[0], InputEventReader.Parse(record));
    }

    [Theory]
    [InlineData(LinuxInput.EventSize64)]
    [InlineData(LinuxInput.EventSize32)]
    public void Reads_every_record_of_either_layout(int eventSize)
    {
        var reader = new InputEventReader(new MemoryStream(InputEventEncoder.Encode(Sample, eventSize)), eventSize);

        Assert.Equal(Sample, ReadAll(reader));
        Assert.Equal(0, reader.TruncatedBytes);
    }

    [Fact]
    public void Records_split_across_reads_are_joined()
    {
        var trickle = new TrickleStream(InputEventEncoder.Encode(Sample), chunk: 5);

        Assert.Equal(Sample, ReadAll(new InputEventReader(trickle)));
    }

    [Fact]
    public void Truncated_record_at_the_end_is_dropped_and_counted()
    {
        byte[] bytes = [.. InputEventEncoder.Encode(Sample), .. new byte[17]];
        var reader = new InputEventReader(new MemoryStream(bytes));

        Assert.Equal(Sample, ReadAll(reader));
        Assert.Equal(17, reader.TruncatedBytes);
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void Unknown_record_size_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InputEventReader(new MemoryStream(), 20));
        Assert.Throws<ArgumentException>(() => InputEventReader.Parse(new byte[20]));
    }

    private static List<InputEvent> ReadAll(InputEventReader reader)
    {
        var events = new List<InputEvent>();
        while (reader.TryRead(out InputEvent e))
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>A device that hands out at most a few bytes per read.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
