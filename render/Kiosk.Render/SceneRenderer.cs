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
    private PaintContext _ctx;
    private readonly LayerCache _layers;
    private readonly LayerCache _wholeDiagrams; // a diagram screen at rest, nodes included: what fades blend
    private readonly Dictionary<int, (DiagramLayout Layout, DiagramDrawer Drawer)> _diagrams = [];
    private readonly Frame[] _frames;
    private readonly SKSurface[] _surfaces;
    private readonly SKCanvas[] _canvases; // looked up once: the wrapper lookup is not free per frame
    private readonly DirtyTracker _dirty;
    private readonly SKPaint _src = new() { BlendMode = SKBlendMode.Src };
    private readonly SKPaint _fade = new();
    private readonly LayerDifference _layerDifference = new();
    private readonly (Screen, Screen)?[] _drawn = new (Screen, Screen)?[2];
    private readonly bool[] _noticeDrawn = new bool[2]; // which buffer holds an idle notice over its picture
    private (Screen From, Screen To, PixelRect Region)? _region; // found once per transition, not per frame
    private readonly Func<Screen, SKImage> _renderLayer;
    private readonly Func<Screen, SKImage> _renderWholeDiagram;
    private int _front = -1;
    private long _sequence;

    public SceneRenderer(PackContent pack, IReadOnlyDictionary<string, byte[]> fonts, DisplayProfile profile, int cachedLayers = 12, bool largeText = false)
    {
        _pack = pack;
        LatinFont = fonts["latin"];
        Profile = profile;
        _fonts = FontSet.Load(fonts);
        _text = new TextEngine(_fonts);
        _ctx = Context(largeText && profile.SupportsLargeText);
        _layers = new LayerCache(cachedLayers);
        _wholeDiagrams = new LayerCache(2);
        _dirty = DirtyTracker.For(profile.Width);
        _renderLayer = RenderLayer; // one delegate for the renderer's life: a method group per call would allocate
        _renderWholeDiagram = RenderWholeDiagram;
        _frames = [new Frame(profile.Width, profile.Height), new Frame(profile.Width, profile.Height)];
        var info = new SKImageInfo(profile.Width, profile.Height, SKColorType.Bgra8888, SKAlphaType.Opaque);
        _surfaces = [.. _frames.Select(f => SKSurface.Create(info, System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(f.Pixels, 0), f.Stride))];
        _canvases = [.. _surfaces.Select(s => s.Canvas)];
    }

    public DisplayProfile Profile { get; }

    /// <summary>The pack's Latin face, for labels drawn outside a scene (proof sheets).</summary>
    public byte[] LatinFont { get; }

    public PackContent Pack => _pack;

    /// <summary>
    /// The large-text mode (text 1.5x larger, contrast at least 7:1). Switching drops every cached layer and
    /// diagram, so the next frame is drawn anew in the other theme. Ignored where the profile does not offer it
    /// (<see cref="DisplayProfile.SupportsLargeText"/>).
    /// </summary>
    public bool LargeText
    {
        get => _ctx.Theme.IsLargeText;
        set
        {
            value &= Profile.SupportsLargeText;
            if (value == LargeText)
            {
                return;
            }

            var old = _ctx;
            _ctx = Context(value);
            _ctx.Overflows.AddRange(old.Overflows);
            _ctx.Runs = old.Runs;
            _ctx.Marks = old.Marks;
            _layers.Dispose();
            _wholeDiagrams.Dispose();
            foreach (var (_, d) in _diagrams)
            {
                d.Drawer.Dispose();
            }

            _diagrams.Clear();
            _layerDifference.Clear();
            _region = null;
            _drawn[0] = _drawn[1] = null;
        }
    }

    /// <summary>When set, every text run drawn into a still layer is listed (for the contrast test).</summary>
    public List<DrawnText>? TextRuns
    {
        get => _ctx.Runs;
        set => _ctx.Runs = value;
    }

    /// <summary>When set, every map dot drawn into a still layer is listed (for the map-label test).</summary>
    public List<DrawnMark>? Marks
    {
        get => _ctx.Marks;
        set => _ctx.Marks = value;
    }

    /// <summary>Text that did not fit its box even at the smallest size (screen and field), for proofs and tests.</summary>
    public IReadOnlyList<string> Overflows => _ctx.Overflows;

    /// <summary>The last frame rendered, or null before the first.</summary>
    public Frame? Current => _front < 0 ? null : _frames[_front];

    public Frame Render(Scene scene)
    {
        LargeText = scene.LargeText;
        int back = _front < 0 ? 0 : 1 - _front;
        var canvas = _canvases[back];
        bool notice = scene.IdleWarningSeconds > 0;

        // A morph changes only the diagram and the strip where the two still layers differ; a fade only where
        // the two screens differ. When the buffer already holds a frame of the same transition (and no idle notice
        // is drawn over either), only that region is drawn, and when the previous frame was one too, only that
        // region is compared.
        var region = ChangingRegion(scene);
        var pair = region is null ? default((Screen, Screen)?) : (scene.From, scene.To);
        bool clip = region is not null && _drawn[back] == pair && !notice && !_noticeDrawn[back];
        if (clip)
        {
            canvas.Save();
            canvas.ClipRect(SKRect.Create(region!.Value.X, region.Value.Y, region.Value.Width, region.Value.Height));
        }

        Compose(canvas, scene);
        if (clip)
        {
            canvas.Restore();
        }

        if (notice)
        {
            IdleNotice.Paint(canvas, _ctx, scene.IdleWarningSeconds);
        }

        canvas.Flush();
        _drawn[back] = pair;
        _noticeDrawn[back] = notice;
        var frame = _frames[back];
        frame.Sequence = ++_sequence;
        if (_front < 0)
        {
            frame.SetDirty([frame.Bounds]);
        }
        else
        {
            var within = region is not null && _drawn[_front] == pair && !notice && !_noticeDrawn[_front] ? region.Value : frame.Bounds;
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
        _wholeDiagrams.Dispose();
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

    /// <summary>
    /// How many pages <paramref name="screen"/> takes at this profile in the given theme: a phase screen whose
    /// quotes do not all fit beside its story gets a page with them (small panels, mostly), and on compact layouts
    /// a phase or comparison with a chart gets a page for its numbers; a comparison in large text on a small panel
    /// gives each side a page. Everything else is one page. The navigator asks
    /// this so Next and Previous step through the pages.
    /// </summary>
    public int PageCount(Screen screen, bool largeText)
    {
        LargeText = largeText;
        if (_pack.Cases.Count == 0)
        {
            return 1;
        }

        var s = Normalize(screen with { Page = 0 });
        return s.Kind switch
        {
            ScreenKind.Phase => PhasePainter.Pages(_ctx, _pack.Cases[s.CaseIndex], s.PhaseIndex, QuotesOnPhase(s.CaseIndex, s.PhaseIndex)).Count,
            ScreenKind.Comparison => ComparisonPainter.Pages(_ctx, s.CaseIndex),
            _ => 1,
        };
    }

    /// <summary>How many of a phase's quotes its first page draws (painted once, off-screen, when not yet known).</summary>
    private int QuotesOnPhase(int caseIndex, int phase)
    {
        if (!_ctx.QuotesShown.TryGetValue((caseIndex, phase), out int shown))
        {
            var runs = _ctx.Runs;
            int overflows = _ctx.Overflows.Count;
            _ctx.Runs = null;
            using (var recorder = new SKPictureRecorder())
            {
                PhasePainter.Paint(recorder.BeginRecording(SKRect.Create(Profile.Width, Profile.Height)), _ctx, caseIndex, phase, 0);
                using var picture = recorder.EndRecording();
            }

            _ctx.Runs = runs;
            _ctx.Overflows.RemoveRange(overflows, _ctx.Overflows.Count - overflows);
            shown = _ctx.QuotesShown[(caseIndex, phase)];
        }

        return shown;
    }

    /// <summary>Edges of a phase's diagram at rest whose curve crosses another node's box or leaves the diagram (tests).</summary>
    internal int EdgesThroughNodes(int caseIndex, int phase) => Diagram(caseIndex).Drawer.EdgesThroughNodes(phase);

    private PaintContext Context(bool largeText)
    {
        var theme = largeText ? Theme.LargeText : Theme.Normal;
        return new PaintContext(_pack, new Metrics(Profile, theme.TextScale), _text, theme);
    }

    private void Compose(SKCanvas canvas, Scene scene)
    {
        var from = scene.From;
        var to = scene.To;
        if (scene.IsAtRest)
        {
            DrawScreen(canvas, to, 0);
            if (to.Kind == ScreenKind.Diagram)
            {
                // The nodes are drawn into the cached whole picture; their text runs are listed here for the contrast test.
                _ctx.Runs?.AddRange(Diagram(to.CaseIndex).Drawer.NodeRuns(to.PhaseIndex));
            }

            return;
        }

        float e = Easing.InOutCubic(scene.T);
        switch (StyleOf(from, to))
        {
            case TransitionStyle.Morph:
                // A phase step on the diagram: the still parts cross-fade while nodes glide and edges re-style.
                CrossFade(canvas, from, Layer(from), to, Layer(to), e, whole: false);
                Diagram(to.CaseIndex).Drawer.Draw(canvas, from.PhaseIndex, to.PhaseIndex, e);
                return;
            case TransitionStyle.CrossFade:
                CrossFade(canvas, from, Whole(from), to, Whole(to), e, whole: true);
                return;
        }

        // Going deeper slides the new screen in from the right; going back, from the left. Whole-pixel offsets:
        // the two screens then tile the frame exactly (no clear needed first) and each blit is a row copy,
        // which keeps a slide frame on a 320x240 panel near its memcpy-and-convert floor.
        int dir = Depth(to) > Depth(from) ? 1 : -1;
        int w = Profile.Width;
        int moved = (int)MathF.Round(e * w);
        DrawScreen(canvas, from, -dir * moved);
        DrawScreen(canvas, to, dir * (w - moved));
    }

    private enum TransitionStyle
    {
        Morph,
        CrossFade,
        Slide,
    }

    /// <summary>Same-case diagram steps morph; moving between depths slides; everything else cross-fades.</summary>
    private static TransitionStyle StyleOf(Screen from, Screen to)
    {
        if (from.CaseIndex == to.CaseIndex && from.Kind == ScreenKind.Diagram && to.Kind == ScreenKind.Diagram)
        {
            return TransitionStyle.Morph;
        }

        bool fades = Depth(from) == Depth(to) || from.Kind == to.Kind
            || from.Kind is ScreenKind.Diagram or ScreenKind.Glossary or ScreenKind.Attract
            || to.Kind is ScreenKind.Diagram or ScreenKind.Glossary or ScreenKind.Attract;
        return fades ? TransitionStyle.CrossFade : TransitionStyle.Slide;
    }

    /// <summary>
    /// Where frames of one transition can differ from each other, found once per transition; null when the
    /// whole frame moves (a slide) or nothing does (at rest).
    /// </summary>
    private PixelRect? ChangingRegion(Scene scene)
    {
        var (from, to) = (scene.From, scene.To);
        if (scene.IsAtRest)
        {
            return null;
        }

        if (_region is { } known && known.From == from && known.To == to)
        {
            return known.Region;
        }

        SKRect union;
        switch (StyleOf(from, to))
        {
            case TransitionStyle.Morph:
            {
                var area = Diagram(to.CaseIndex).Layout.Area;
                var differ = _layerDifference.Between(Normalize(from), Layer(from), Normalize(to), Layer(to), whole: false);
                union = differ.IsEmpty ? area : SKRect.Union(area, differ);
                const float Bleed = 4; // antialiasing and arrowheads may touch a few pixels past the nodes' area
                union.Inflate(Bleed, Bleed);
                break;
            }

            case TransitionStyle.CrossFade:
                union = _layerDifference.Between(Normalize(from), Whole(from), Normalize(to), Whole(to), whole: true);
                break;
            default:
                return null;
        }

        int x = Math.Max(0, (int)MathF.Floor(union.Left)), y = Math.Max(0, (int)MathF.Floor(union.Top));
        int r = Math.Min(Profile.Width, (int)MathF.Ceiling(union.Right)), b = Math.Min(Profile.Height, (int)MathF.Ceiling(union.Bottom));
        var region = new PixelRect(x, y, Math.Max(0, r - x), Math.Max(0, b - y));
        _region = (from, to, region);
        return region;
    }

    /// <summary>Equal to blending the whole of both images, but only where they differ is blended.</summary>
    private void CrossFade(SKCanvas canvas, Screen from, SKImage fromImage, Screen to, SKImage toImage, float e, bool whole)
    {
        var differ = _layerDifference.Between(Normalize(from), fromImage, Normalize(to), toImage, whole);
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

    private void DrawScreen(SKCanvas canvas, Screen screen, float x) =>
        canvas.DrawImage(Whole(screen), x, 0, SKSamplingOptions.Default, _src);

    private static int Depth(Screen s) => s.Kind switch
    {
        ScreenKind.Home or ScreenKind.Attract => 0,
        ScreenKind.CaseIntro => 1,
        ScreenKind.Phase or ScreenKind.Diagram => 2,
        ScreenKind.Comparison => 3,
        _ => 4,
    };

    private SKImage Layer(Screen screen) => _layers.GetOrAdd(Normalize(screen), _renderLayer);

    /// <summary>A screen as it looks at rest: its still layer, with the diagram's nodes and edges on a diagram
    /// screen. Cached, so a fade or slide blits two images instead of drawing a diagram every frame.</summary>
    private SKImage Whole(Screen screen) => screen.Kind == ScreenKind.Diagram ? _wholeDiagrams.GetOrAdd(Normalize(screen), _renderWholeDiagram) : Layer(screen);

    private SKImage RenderWholeDiagram(Screen s)
    {
        var info = new SKImageInfo(Profile.Width, Profile.Height, SKColorType.Bgra8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        surface.Canvas.DrawImage(Layer(s), 0, 0, SKSamplingOptions.Default, _src);
        Diagram(s.CaseIndex).Drawer.Draw(surface.Canvas, s.PhaseIndex, s.PhaseIndex, 1);
        return surface.Snapshot();
    }

    /// <summary>Fields a screen kind ignores are zeroed so equal screens share one cached layer.</summary>
    private Screen Normalize(Screen s)
    {
        int caseIndex = s.Kind == ScreenKind.Glossary && s.CaseIndex < 0 ? -1 : Math.Clamp(s.CaseIndex, 0, _pack.Cases.Count - 1);
        int phase = s.Kind is ScreenKind.Phase or ScreenKind.Diagram ? Math.Clamp(s.PhaseIndex, 0, _pack.Cases[caseIndex < 0 ? 0 : caseIndex].Phases.Count - 1) : 0;
        return new Screen(s.Kind, caseIndex, phase, s.Kind is ScreenKind.Phase or ScreenKind.Comparison ? s.Page : 0);
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
                if (s.Page > 0)
                {
                    QuotesOnPhase(s.CaseIndex, s.PhaseIndex); // what the first page left for this one
                }

                PhasePainter.Paint(canvas, _ctx, s.CaseIndex, s.PhaseIndex, s.Page);
                break;
            case ScreenKind.Diagram:
                DiagramPainter.Paint(canvas, _ctx, s.CaseIndex, s.PhaseIndex, Diagram(s.CaseIndex).Layout);
                break;
            case ScreenKind.Comparison:
                ComparisonPainter.Paint(canvas, _ctx, s.CaseIndex, s.Page);
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
