using Kiosk.Content.Model;
using SkiaSharp;

namespace Kiosk.Render.Diagrams;

/// <summary>
/// Where every actor of a case sits in each phase's diagram, at one profile. Bands and node sizes are fixed
/// for the whole case, so an actor present in two phases keeps its size and only glides when the phase changes.
/// </summary>
public sealed class DiagramLayout
{
    private readonly SKRect[][] _rects;   // [phase][actor]
    private readonly bool[][] _present;  // [phase][actor]

    public DiagramLayout(CaseStudy c, SKRect area, float unit, float gap)
    {
        Area = area;
        var actorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < c.Actors.Count; i++)
        {
            actorIndex[c.Actors[i].Id] = i;
        }

        var used = new SortedSet<int>();
        foreach (var p in c.Phases)
        {
            foreach (string id in p.Diagram.Actors)
            {
                used.Add(ScaleBands.Of(c.Actors[actorIndex[id]].Scale));
            }
        }

        Bands = [.. used];
        BandHeight = area.Height / Math.Max(1, Bands.Length);
        int maxPerBand = 1;
        foreach (var p in c.Phases)
        {
            foreach (int band in Bands)
            {
                maxPerBand = Math.Max(maxPerBand, p.Diagram.Actors.Count(id => ScaleBands.Of(c.Actors[actorIndex[id]].Scale) == band));
            }
        }

        NodeWidth = MathF.Min(300 * unit + 40, (area.Width / maxPerBand) - gap);
        NodeHeight = MathF.Min(BandHeight * 0.66f, (96 * unit) + 8);

        _rects = new SKRect[c.Phases.Count][];
        _present = new bool[c.Phases.Count][];
        for (int pi = 0; pi < c.Phases.Count; pi++)
        {
            _rects[pi] = new SKRect[c.Actors.Count];
            _present[pi] = new bool[c.Actors.Count];
            var ids = c.Phases[pi].Diagram.Actors;
            for (int b = 0; b < Bands.Length; b++)
            {
                // Actors keep the case's order within a band, so neighbours stay neighbours across phases.
                var inBand = ids.Select(id => actorIndex[id]).Where(a => ScaleBands.Of(c.Actors[a].Scale) == Bands[b]).Order().ToList();
                float slot = area.Width / Math.Max(1, inBand.Count);
                float cy = area.Top + (BandHeight * (b + 0.5f));
                for (int k = 0; k < inBand.Count; k++)
                {
                    float cx = area.Left + (slot * (k + 0.5f));
                    _rects[pi][inBand[k]] = new SKRect(cx - (NodeWidth / 2), cy - (NodeHeight / 2), cx + (NodeWidth / 2), cy + (NodeHeight / 2));
                    _present[pi][inBand[k]] = true;
                }
            }
        }

        ActorIndex = actorIndex;
    }

    public SKRect Area { get; }

    /// <summary>Band numbers (see <see cref="ScaleBands"/>) used by this case, top to bottom.</summary>
    public int[] Bands { get; }

    public float BandHeight { get; }

    public float NodeWidth { get; }

    public float NodeHeight { get; }

    public IReadOnlyDictionary<string, int> ActorIndex { get; }

    public bool IsPresent(int phase, int actor) => _present[phase][actor];

    public SKRect RectOf(int phase, int actor) => _rects[phase][actor];
}
