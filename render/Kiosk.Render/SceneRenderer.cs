using Kiosk.Content.Model;
using Kiosk.Render.Diagrams;
using Kiosk.Render.Frames;
using Kiosk.Render.Layout;
using Kiosk.Render.Profiles;
using Kiosk.Render.Scenes;
using Kiosk.Render.Painters;
using Kiosk.Render.Text;
using SkiaSharp;

namespace Kiosk.Render;

/// <summary>
/// Scene in, pixels out: composes cached still layers and the moving diagram for one pack at one display
/// profile, into two alternating frames, and reports which rectangles changed since the previous frame.
/// </summary>
public sealed class SceneRenderer : IDisposable
{
    private readonly PackContent _pack;
    private readonly FontSet _fonts;
    private readonly TextEngine _text;
    private readonly PaintContext _ctx;
    private readonly LayerCache _layers;
    private readonly Dictionary<int, (DiagramLayout Layout, DiagramDrawer Drawer)> _diagrams = [];
    private readonly Frame[] _frames;
    private readonly SKSurface[] _surfaces;
    private readonly SKCanvas[] _canvases; // looked up once: the wrapper lookup is not free per frame
    private readonly DirtyTracker _dirty;
    private readonly SKPaint _src = new() { BlendMode = SKBlendMode.Src };
    private readonly SKPaint _fade = new();
    private readonly LayerDifference _layerDifference = new();
    private readonly (Screen, Screen)?[] _drawn = new (Screen, Screen)?[2];
    private (Screen From, Screen To, PixelRect Region)? _morphRegion; // found once per morph, not per frame
    private readonly Func<Screen, SKImage> _renderLayer;
    private int _front = -1;
    private long _sequence;

    public SceneRenderer(PackContent pack, IReadOnlyDictionary<string, byte[]> fonts, DisplayProfile profile, int cachedLayers = 12)
    {
        _pack = pack;
        LatinFont = fonts["latin"];
        Profile = profile;
        _fonts = FontSet.Load(fonts);
        _text = new TextEngine(_fonts);
        _ctx = new PaintContext(pack, new Metrics(profile), _text);
        _layers = new LayerCache(cachedLayers);
        _dirty = new DirtyTracker(DirtyTracker.TileSizeFor(profile.Width));
        _renderLayer = RenderLayer; // one delegate for the renderer's life: a method group per call would allocate
        _frames = [new Frame(profile.Width, profile.Height), new Frame(profile.Width, profile.Height)];
        var info = new SKImageInfo(profile.Width, profile.Height, SKColorType.Bgra8888, SKAlphaType.Opaque);
        _surfaces = [.. _frames.Select(f => SKSurface.Create(info, System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(f.Pixels, 0), f.Stride))];
        _canvases = [.. _surfaces.Select(s => s.Canvas)];
    }

    public DisplayProfile Profile { get; }

    /// <summary>The pack's Latin face, for labels drawn outside a scene (proof sheets).</summary>
    public byte[] LatinFont { get; }

    public PackContent Pack => _pack;

    /// <summary>Text that did not fit its box even at the smallest size (screen and field), for proofs and tests.</summary>
    public IReadOnlyList<string> Overflows => _ctx.Overflows;

    /// <summary>The last frame rendered, or null before the first.</summary>
    public Frame? Current => _front < 0 ? null : _frames[_front];

    public Frame Render(Scene scene)
    {
        int back = _front < 0 ? 0 : 1 - _front;
        var canvas = _canvases[back];

        // A diagram morph changes only the diagram and the strip where the two still layers differ. When the
        // buffer already holds a frame of the same morph, only that region is drawn, and when the previous frame
        // was one too, only that region is compared.
        var morph = MorphRegion(scene);
        var pair = morph is null ? default((Screen, Screen)?) : (scene.From, scene.To);
        bool clip = morph is not null && _drawn[back] == pair;
        if (clip)
        {
            canvas.Save();
            canvas.ClipRect(SKRect.Create(morph!.Value.X, morph.Value.Y, morph.Value.Width, morph.Value.Height));
        }

        Compose(canvas, scene);
        if (clip)
        {
            canvas.Restore();
        }

        canvas.Flush();
        _drawn[back] = pair;
        var frame = _frames[back];
        frame.Sequence = ++_sequence;
        if (_front < 0)
        {
            frame.SetDirty([frame.Bounds]);
        }
        else
        {
            var within = morph is not null && _drawn[_front] == pair ? morph.Value : frame.Bounds;
            _dirty.Diff(_frames[_front], frame, frame.DirtyList, within);
        }

        _front = back;
        return frame;
    }

    /// <summary>Renders the still layer of <paramref name="screen"/> into the layer cache ahead of its first visit, so that visit costs no more than a cached one.</summary>
    public void Warm(Screen screen) => Layer(screen);

    public void Dispose()
    {
        _layers.Dispose();
        foreach (var (_, d) in _diagrams)
        {
            d.Drawer.Dispose();
        }

        foreach (var s in _surfaces)
        {
            s.Dispose();
        }

        _src.Dispose();
        _fade.Dispose();
        _text.Dispose();
        _fonts.Dispose();
    }

    private void Compose(SKCanvas canvas, Scene scene)
    {
        var from = scene.From;
        var to = scene.To;
        if (scene.IsAtRest)
        {
            DrawScreen(canvas, to, 0, 255, _src);
            return;
        }

        float e = Easing.InOutCubic(scene.T);
        bool sameCase = from.CaseIndex == to.CaseIndex;
        if (sameCase && from.Kind == ScreenKind.Diagram && to.Kind == ScreenKind.Diagram)
        {
            // A phase step on the diagram: the still parts cross-fade while nodes glide and edges re-style.
            CrossFade(canvas, from, to, e);
            Diagram(to.CaseIndex).Drawer.Draw(canvas, from.PhaseIndex, to.PhaseIndex, e);
            return;
        }

        if (from.Kind == to.Kind && from.Kind is not (ScreenKind.Diagram or ScreenKind.Attract))
        {
            CrossFade(canvas, from, to, e);
            return;
        }

        if (Depth(from) == Depth(to) || from.Kind is ScreenKind.Diagram or ScreenKind.Glossary or ScreenKind.Attract || to.Kind is ScreenKind.Diagram or ScreenKind.Glossary or ScreenKind.Attract)
        {
            DrawScreen(canvas, from, 0, 255, _src);
            DrawScreen(canvas, to, 0, (byte)(e * 255), _fade);
            return;
        }

        // Going deeper slides the new screen in from the right; going back, from the left.
        float dir = Depth(to) > Depth(from) ? 1 : -1;
        float w = Profile.Width;
        canvas.Clear(Theme.Background);
        DrawScreen(canvas, from, -dir * e * w, 255, _src);
        DrawScreen(canvas, to, dir * (1 - e) * w, 255, _src);
    }

    /// <summary>Where a same-case diagram morph can draw anything different from its other frames; null otherwise.</summary>
    private PixelRect? MorphRegion(Scene scene)
    {
        var (from, to) = (scene.From, scene.To);
        if (scene.IsAtRest || from.Kind != ScreenKind.Diagram || to.Kind != ScreenKind.Diagram || from.CaseIndex != to.CaseIndex)
        {
            return null;
        }

        if (_morphRegion is { } known && known.From == from && known.To == to)
        {
            return known.Region;
        }

        var area = Diagram(to.CaseIndex).Layout.Area;
        var differ = _layerDifference.Between(Normalize(from), Layer(from), Normalize(to), Layer(to));
        var union = differ.IsEmpty ? area : SKRect.Union(area, differ);
        const int Bleed = 4; // antialiasing and arrowheads may touch a few pixels past the nodes' area
        int x = Math.Max(0, (int)MathF.Floor(union.Left) - Bleed), y = Math.Max(0, (int)MathF.Floor(union.Top) - Bleed);
        int r = Math.Min(Profile.Width, (int)MathF.Ceiling(union.Right) + Bleed), b = Math.Min(Profile.Height, (int)MathF.Ceiling(union.Bottom) + Bleed);
        var region = new PixelRect(x, y, r - x, b - y);
        _morphRegion = (from, to, region);
        return region;
    }

    /// <summary>Equal to blending the whole of both layers, but only where they differ is blended.</summary>
    private void CrossFade(SKCanvas canvas, Screen from, Screen to, float e)
    {
        var fromImage = Layer(from);
        var toImage = Layer(to);
        var differ = _layerDifference.Between(Normalize(from), fromImage, Normalize(to), toImage);
        canvas.DrawImage(toImage, 0, 0, SKSamplingOptions.Default, _src);
        if (differ.IsEmpty)
        {
            return;
        }

        canvas.Save();
        canvas.ClipRect(differ);
        _fade.Color = SKColors.White.WithAlpha((byte)((1 - e) * 255));
        canvas.DrawImage(fromImage, 0, 0, SKSamplingOptions.Default, _fade);
        canvas.Restore();
    }

    private void DrawScreen(SKCanvas canvas, Screen screen, float x, byte alpha, SKPaint paint)
    {
        if (!ReferenceEquals(paint, _src))
        {
            paint.Color = SKColors.White.WithAlpha(alpha);
        }

        canvas.DrawImage(Layer(screen), x, 0, SKSamplingOptions.Default, paint);
        if (screen.Kind == ScreenKind.Diagram)
        {
            canvas.Save();
            canvas.Translate(x, 0);
            if (alpha < 255)
            {
                canvas.SaveLayer(paint);
            }

            Diagram(screen.CaseIndex).Drawer.Draw(canvas, screen.PhaseIndex, screen.PhaseIndex, 1);
            if (alpha < 255)
            {
                canvas.Restore();
            }

            canvas.Restore();
        }
    }

    private static int Depth(Screen s) => s.Kind switch
    {
        ScreenKind.Home or ScreenKind.Attract => 0,
        ScreenKind.CaseIntro => 1,
        ScreenKind.Phase or ScreenKind.Diagram => 2,
        ScreenKind.Comparison => 3,
        _ => 4,
    };

    private SKImage Layer(Screen screen) => _layers.GetOrAdd(Normalize(screen), _renderLayer);

    /// <summary>Fields a screen kind ignores are zeroed so equal screens share one cached layer.</summary>
    private Screen Normalize(Screen s)
    {
        int caseIndex = s.Kind == ScreenKind.Glossary && s.CaseIndex < 0 ? -1 : Math.Clamp(s.CaseIndex, 0, _pack.Cases.Count - 1);
        int phase = s.Kind is ScreenKind.Phase or ScreenKind.Diagram ? Math.Clamp(s.PhaseIndex, 0, _pack.Cases[caseIndex < 0 ? 0 : caseIndex].Phases.Count - 1) : 0;
        return new Screen(s.Kind, caseIndex, phase);
    }

    private SKImage RenderLayer(Screen s)
    {
        var info = new SKImageInfo(Profile.Width, Profile.Height, SKColorType.Bgra8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        switch (s.Kind)
        {
            case ScreenKind.Home:
                HomePainter.Paint(canvas, _ctx, s.CaseIndex);
                break;
            case ScreenKind.CaseIntro:
                CaseIntroPainter.Paint(canvas, _ctx, s.CaseIndex);
                break;
            case ScreenKind.Phase:
                PhasePainter.Paint(canvas, _ctx, s.CaseIndex, s.PhaseIndex);
                break;
            case ScreenKind.Diagram:
                DiagramPainter.Paint(canvas, _ctx, s.CaseIndex, s.PhaseIndex, Diagram(s.CaseIndex).Layout);
                break;
            case ScreenKind.Comparison:
                ComparisonPainter.Paint(canvas, _ctx, s.CaseIndex);
                break;
            case ScreenKind.Glossary:
                GlossaryPainter.Paint(canvas, _ctx, s.CaseIndex);
                break;
            default:
                AttractPainter.Paint(canvas, _ctx, s.CaseIndex);
                break;
        }

        return surface.Snapshot();
    }

    private (DiagramLayout Layout, DiagramDrawer Drawer) Diagram(int caseIndex)
    {
        caseIndex = Math.Clamp(caseIndex, 0, _pack.Cases.Count - 1);
        if (!_diagrams.TryGetValue(caseIndex, out var d))
        {
            var c = _pack.Cases[caseIndex];
            var g = DiagramPainter.Measure(_ctx);
            var layout = new DiagramLayout(c, g.Nodes, _ctx.M.U, _ctx.M.Gap);
            d = (layout, new DiagramDrawer(c, layout, _ctx));
            _diagrams[caseIndex] = d;
        }

        return d;
    }
}
