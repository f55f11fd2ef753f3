using Kiosk.Render.Scenes;
using SkiaSharp;

namespace Kiosk.Render.Layout;

/// <summary>
/// Rasterised still layers of recently shown screens, least recently used dropped first. Blitting a cached
/// opaque layer costs about a memcpy; drawing its text again would cost many times that. A hit moves the
/// entry's own list node, so frames that alternate between two layers (fades, morphs) allocate nothing.
/// </summary>
internal sealed class LayerCache(int capacity) : IDisposable
{
    private readonly Dictionary<Screen, (SKImage Image, LinkedListNode<Screen> Node)> _entries = [];
    private readonly LinkedList<Screen> _order = new();

    public int Count => _entries.Count;

    public SKImage GetOrAdd(Screen screen, Func<Screen, SKImage> render)
    {
        if (_entries.TryGetValue(screen, out var entry))
        {
            if (!ReferenceEquals(_order.First, entry.Node))
            {
                _order.Remove(entry.Node);
                _order.AddFirst(entry.Node);
            }

            return entry.Image;
        }

        var image = render(screen);
        _entries[screen] = (image, _order.AddFirst(screen));
        while (_entries.Count > capacity)
        {
            var last = _order.Last!;
            _order.RemoveLast();
            _entries.Remove(last.Value, out var old);
            old.Image?.Dispose();
        }

        return image;
    }

    public void Dispose()
    {
        foreach (var (image, _) in _entries.Values)
        {
            image.Dispose();
        }

        _entries.Clear();
        _order.Clear();
    }
}
