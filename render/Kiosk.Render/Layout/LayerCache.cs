using Kiosk.Render.Scenes;
using SkiaSharp;

namespace Kiosk.Render.Layout;

/// <summary>
/// Rasterised still layers of recently shown screens, least recently used dropped first. Blitting a cached
/// opaque layer costs about a memcpy; drawing its text again would cost many times that.
/// </summary>
internal sealed class LayerCache(int capacity) : IDisposable
{
    private readonly Dictionary<Screen, SKImage> _images = [];
    private readonly LinkedList<Screen> _order = new();

    public int Count => _images.Count;

    public SKImage GetOrAdd(Screen screen, Func<Screen, SKImage> render)
    {
        if (_images.TryGetValue(screen, out var image))
        {
            if (_order.First!.Value != screen)
            {
                _order.Remove(screen);
                _order.AddFirst(screen);
            }

            return image;
        }

        image = render(screen);
        _images[screen] = image;
        _order.AddFirst(screen);
        while (_images.Count > capacity)
        {
            var last = _order.Last!.Value;
            _order.RemoveLast();
            _images.Remove(last, out var old);
            old?.Dispose();
        }

        return image;
    }

    public void Dispose()
    {
        foreach (var image in _images.Values)
        {
            image.Dispose();
        }

        _images.Clear();
        _order.Clear();
    }
}
