namespace Kiosk.Host.Tests.Display.Fakes;

/// <summary>A command byte with the data bytes that followed it, however they were chunked.</summary>
public sealed record PanelCommand(byte Code, byte[] Parameters)
{
    public override string ToString() => $"{Code:X2} [{Parameters.Length}]";
}
