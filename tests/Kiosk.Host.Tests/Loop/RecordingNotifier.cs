using Microsoft.Extensions.Hosting.Systemd;

namespace Kiosk.Host.Tests.Loop;

/// <summary>Stands in for systemd's notify socket: records what the kiosk tells the service manager.</summary>
internal sealed class RecordingNotifier : ISystemdNotifier
{
    private readonly List<string> _states = [];

    public bool IsEnabled => true;

    public IReadOnlyList<string> States
    {
        get
        {
            lock (_states)
            {
                return [.. _states];
            }
        }
    }

    public void Notify(ServiceState state)
    {
        lock (_states)
        {
            _states.Add(state.ToString());
        }
    }
}
