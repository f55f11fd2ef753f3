using System.Globalization;

namespace Kiosk.Render.Benchmarks;

public enum BenchUnit
{
    /// <summary>Time divided by a memcpy of one frame of the same size, measured in the same run.</summary>
    TimesMemcpy,

    /// <summary>Bytes sent divided by the bytes of a full frame.</summary>
    ShareOfFullFrame,

    /// <summary>Managed bytes allocated per frame.</summary>
    BytesPerFrame,
}

/// <summary>One measured figure with its goal; a figure passes when it is at most the goal.</summary>
public sealed record BenchRow(string Name, double Value, double Goal, BenchUnit Unit)
{
    public bool Pass => Value <= Goal;

    public string FormatValue() => Format(Value);

    public string FormatGoal() => "<= " + Format(Goal);

    private string Format(double v) => Unit switch
    {
        BenchUnit.TimesMemcpy => v.ToString("0.00", CultureInfo.InvariantCulture) + "x",
        BenchUnit.ShareOfFullFrame => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        _ => v.ToString("0", CultureInfo.InvariantCulture) + " B",
    };
}
