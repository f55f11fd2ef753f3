namespace Kiosk.Host.Display.SpiPanels;

/// <summary>How one panel is wired and mounted. Width and Height are before rotation; offsets after it.</summary>
public sealed record SpiPanelOptions
{
    public required int Width { get; init; }

    public required int Height { get; init; }

    public required int DcPin { get; init; }

    public int ResetPin { get; init; } = DisplayOptions.NotWired;

    public int BacklightPin { get; init; } = DisplayOptions.NotWired;

    public int Rotation { get; init; }

    public int XOffset { get; init; }

    public int YOffset { get; init; }

    public int ChunkSize { get; init; } = 4096;
}
