using Kiosk.Render.Profiles;

namespace Kiosk.Render.Layout;

/// <summary>
/// Sizes for one profile. HDMI sizes are the design; smaller panels scale them but never below what stays
/// legible at arm's length (minimum text sizes are absolute pixels). Every text size, the minimum too, is
/// multiplied by <paramref name="textScale"/> (1.5 in the large-text mode).
/// </summary>
public sealed class Metrics(DisplayProfile profile, float textScale = 1f)
{
    public DisplayProfile Profile { get; } = profile;

    public float TextScale { get; } = textScale;

    public float U => Profile.Unit;

    public float W => Profile.Width;

    public float H => Profile.Height;

    /// <summary>
    /// The compact layout (short texts, abbreviations): small panels always, and in the large-text mode every
    /// screen under 720 lines, where paragraphs at 1.5x would not fit.
    /// </summary>
    public bool Compact => Profile.IsCompact || (TextScale > 1 && Profile.Height < 720);

    public float Margin => MathF.Max(8, 56 * U);

    public float Gap => MathF.Max(4, 24 * U);

    public float HeaderHeight => MathF.Max(30 * TextScale, 96 * U);

    public float HintHeight => Compact ? 0 : MathF.Max(22, 56 * U);

    public float TitleSize => MathF.Max(16, 64 * U) * TextScale;

    public float HeadingSize => MathF.Max(14, 44 * U) * TextScale;

    public float BodySize => MathF.Max(12, 32 * U) * TextScale;

    public float SmallSize => MathF.Max(10, 24 * U) * TextScale;

    /// <summary>Smallest text: panels are read from closer than an HDMI screen across a room.</summary>
    public float MinText => (Profile.IsCompact ? 9 : W < 1200 ? 10 : 12) * TextScale;

    /// <summary>
    /// A painter's own lower limit for text that may shrink below <see cref="MinText"/> in the normal theme (band
    /// names, legends, node labels); in the large-text mode nothing goes below <see cref="MinText"/>, which is
    /// 1.5x the normal theme's, so a screen gets fewer items or more room instead of smaller text.
    /// </summary>
    public float Legible(float min) => TextScale > 1 ? MathF.Max(min, MinText) : min;
}
