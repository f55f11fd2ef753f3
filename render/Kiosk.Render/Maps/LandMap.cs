using System.Globalization;
using Kiosk.Content.Validation;
using SkiaSharp;

namespace Kiosk.Render.Maps;

/// <summary>
/// East Asia's land as polygons in degrees (x = longitude, y = latitude): Natural Earth's 1:50m land, public
/// domain, cut to <see cref="MapBox"/> and simplified by <c>deploy/tools/make-map.mjs</c>. Coastlines only:
/// the exhibit draws no administrative boundaries. Read once from the assembly.
/// </summary>
public static class LandMap
{
    private static readonly Lazy<IReadOnlyList<SKPoint[]>> _rings = new(Load);

    public static IReadOnlyList<SKPoint[]> Rings => _rings.Value;

    public static SKRect Box => new((float)MapBox.West, (float)MapBox.South, (float)MapBox.East, (float)MapBox.North);

    private static IReadOnlyList<SKPoint[]> Load()
    {
        using var stream = typeof(LandMap).Assembly.GetManifestResourceStream("Kiosk.Render.Maps.east-asia-land.txt")
            ?? throw new InvalidOperationException("the map resource Kiosk.Render.Maps.east-asia-land.txt is missing from the build");
        using var reader = new StreamReader(stream);
        var rings = new List<SKPoint[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            rings.Add([.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Point)]);
        }

        return rings;
    }

    private static SKPoint Point(string pair)
    {
        int comma = pair.IndexOf(',', StringComparison.Ordinal);
        return new SKPoint(
            float.Parse(pair.AsSpan(0, comma), NumberStyles.Float, CultureInfo.InvariantCulture),
            float.Parse(pair.AsSpan(comma + 1), NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
