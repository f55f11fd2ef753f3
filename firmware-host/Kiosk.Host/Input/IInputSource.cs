namespace Kiosk.Host.Input;

/// <summary>
/// A device that turns visitor actions into <see cref="NavCommand"/>s posted to an
/// <see cref="ICommandSink"/>. The host runs every registered source until shutdown.
/// </summary>
public interface IInputSource
{
    /// <summary>Short name for logs, e.g. <c>gpio</c> or <c>evdev:/dev/input/event0</c>.</summary>
    string Name { get; }

    /// <summary>Delivers commands until <paramref name="cancellationToken"/> is cancelled or the device ends.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
