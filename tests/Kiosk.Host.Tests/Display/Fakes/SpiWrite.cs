namespace Kiosk.Host.Tests.Display.Fakes;

/// <summary>One SPI write and whether the DC line was low (command) while it went out.</summary>
public sealed record SpiWrite(bool IsCommand, byte[] Bytes);
