using Microsoft.AspNetCore.Connections;

namespace Kiosk.Host.Display.Preview;

/// <summary>
/// The preview's connection limit. Kestrel's own (<c>MaxConcurrentConnections</c>) turns away the newest connection
/// when full, so one local client that keeps reopening half-sent requests holds every slot for as long as it likes,
/// and staff never get in. Here a full server makes room instead: the connection that has waited longest without a
/// request in progress (a half-sent request, or an idle keep-alive) is dropped for the newcomer. A connection whose
/// request is being served, a live page's WebSocket included (capped apart, <see cref="PreviewServer.MaxSockets"/>),
/// is never dropped; only when every slot is serving one is a newcomer turned away.
/// </summary>
public sealed class PreviewConnectionSlots(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    // Connections with no request in progress, longest waiting first.
    private readonly LinkedList<Slot> _waiting = new();

    /// <summary>Kestrel connection middleware: admits each connection, making room if it must.</summary>
    public ConnectionDelegate Admit(ConnectionDelegate next) => async connection =>
    {
        var slot = new Slot(connection);
        ConnectionContext? victim = null;
        bool admitted;
        lock (_gate)
        {
            if (_slots.Count >= capacity && _waiting.First is { } longest)
            {
                victim = longest.Value.Connection;
                Forget(longest.Value);
            }

            admitted = _slots.Count < capacity;
            if (admitted)
            {
                _slots[connection.ConnectionId] = slot;
                slot.Waiting = _waiting.AddLast(slot);
            }
        }

        victim?.Abort(new ConnectionAbortedException("dropped to make room: no request in progress"));
        if (!admitted)
        {
            connection.Abort(new ConnectionAbortedException("every connection slot is serving a request"));
            return;
        }

        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                Forget(slot);
            }
        }
    };

    /// <summary>A whole request has arrived on the connection: it keeps its slot until <see cref="Served"/>.</summary>
    public void Serving(string connectionId)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(connectionId, out var slot) && slot.Requests++ == 0 && slot.Waiting is { } node)
            {
                _waiting.Remove(node);
                slot.Waiting = null;
            }
        }
    }

    /// <summary>The request is answered; the connection waits for the next one, last in line to be dropped.</summary>
    public void Served(string connectionId)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(connectionId, out var slot) && --slot.Requests == 0 && slot.Waiting is null)
            {
                slot.Waiting = _waiting.AddLast(slot);
            }
        }
    }

    private void Forget(Slot slot)
    {
        if (slot.Waiting is { } node)
        {
            _waiting.Remove(node);
            slot.Waiting = null;
        }

        if (_slots.TryGetValue(slot.Connection.ConnectionId, out var held) && ReferenceEquals(held, slot))
        {
            _slots.Remove(slot.Connection.ConnectionId);
        }
    }

    private sealed class Slot(ConnectionContext connection)
    {
        public ConnectionContext Connection { get; } = connection;

        public LinkedListNode<Slot>? Waiting { get; set; }

        public int Requests { get; set; }
    }
}
