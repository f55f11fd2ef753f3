using System.Device.Spi;

using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Host.Tests.Display.Fakes;

/// <summary>
/// SPI at the hardware edge: records every write with the DC pin level read from the fake GPIO driver at
/// that moment. With recording off it only counts bytes, so allocation can be measured.
/// </summary>
public sealed class RecordingSpiDevice(FakeGpioDriver gpio, int dcPin, HardwareLog log, SpiConnectionSettings? settings = null) : SpiDevice
{
    public List<SpiWrite> Writes { get; } = [];

    public long BytesWritten { get; private set; }

    public bool Disposed { get; private set; }

    public override SpiConnectionSettings ConnectionSettings { get; } = settings ?? new SpiConnectionSettings(0, 0);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        BytesWritten += buffer.Length;
        if (!log.Enabled)
        {
            return;
        }

        bool isCommand = gpio.LevelOf(dcPin) == System.Device.Gpio.PinValue.Low;
        Writes.Add(new SpiWrite(isCommand, buffer.ToArray()));
        log.Add(isCommand ? $"cmd {buffer[0]:X2}" : buffer.Length <= 16 ? $"data {Convert.ToHexString(buffer)}" : $"data[{buffer.Length}]");
    }

    public override void WriteByte(byte value) => Write([value]);

    public override byte ReadByte() => throw new NotSupportedException("Panels are write-only here.");

    public override void Read(Span<byte> buffer) => throw new NotSupportedException("Panels are write-only here.");

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer) =>
        throw new NotSupportedException("Panels are write-only here.");

    /// <summary>Writes grouped into commands with their data; data before any command is an error.</summary>
    public List<PanelCommand> Commands()
    {
        var commands = new List<PanelCommand>();
        byte code = 0;
        var parameters = new List<byte>();
        bool open = false;
        foreach (var write in Writes)
        {
            if (write.IsCommand)
            {
                Assert.Single(write.Bytes);
                if (open)
                {
                    commands.Add(new PanelCommand(code, [.. parameters]));
                }

                code = write.Bytes[0];
                parameters.Clear();
                open = true;
            }
            else
            {
                Assert.True(open, "data was sent before any command");
                parameters.AddRange(write.Bytes);
            }
        }

        if (open)
        {
            commands.Add(new PanelCommand(code, [.. parameters]));
        }

        return commands;
    }

    public void Clear()
    {
        Writes.Clear();
        log.Entries.Clear();
        log.Sleeps.Clear();
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
