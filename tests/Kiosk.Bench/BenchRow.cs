using System.Globalization;

namespace Kiosk.Bench;

public enum BenchUnit
{
    /// <summary>Time divided by a memcpy of one frame of the same size, measured in the same run.</summary>
    TimesMemcpy,

    /// <summary>Bytes sent divided by the bytes of a full frame.</summary>
    ShareOfFullFrame,

    /// <summary>Managed bytes allocated per frame.</summary>
    BytesPerFrame,

    /// <summary>Wall-clock milliseconds (latency), with its ratio to a frame memcpy shown beside it.</summary>
    Milliseconds,
}

/// <summary>One measured figure with its goal; a figure passes when it is at most the goal.</summary>
public sealed record BenchRow(string Name, double Value, double Goal, BenchUnit Unit)
{
    /// <summary>For latencies: the memcpy of one frame measured in the same run, to report the ratio too.</summary>
    public double? MemcpyMs { get; init; }

    /// <summary>Why a goal is not met, when the measure knows (printed under the table and in <c>--json</c>).</summary>
    public string? Why { get; init; }

    public bool Pass => Value <= Goal;

    public string FormatValue() => Format(Value);

    public string FormatGoal() => "<= " + Format(Goal);

    private string Format(double v) => Unit switch
    {
        BenchUnit.TimesMemcpy => v.ToString("0.00", CultureInfo.InvariantCulture) + "x",
        BenchUnit.ShareOfFullFrame => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        BenchUnit.Milliseconds => v.ToString("0.00", CultureInfo.InvariantCulture) + " ms" + (MemcpyMs is > 0 && v != Goal ? $" ({(v / MemcpyMs.Value).ToString("0", CultureInfo.InvariantCulture)}x memcpy)" : string.Empty),
        _ => v.ToString("0", CultureInfo.InvariantCulture) + " B",
    };
}
