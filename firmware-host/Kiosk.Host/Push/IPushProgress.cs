namespace Kiosk.Host.Push;

/// <summary>Told how far each host's upload has got; called from several hosts' tasks at once.</summary>
public interface IPushProgress
{
    void Sent(string host, long bytes, long total);

    void Finished(HostResult result);
}
