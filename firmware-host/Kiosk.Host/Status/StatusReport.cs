using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiosk.Host.Status;

/// <summary>
/// What <c>kiosk status --json</c> prints and (without the fields marked "read by kiosk status") what the running
/// kiosk writes to its status file. Field names are part of the CLI contract: add, never rename. Values the
/// kiosk cannot know are null, never guessed.
/// </summary>
public sealed record StatusReport
{
    public static JsonSerializerOptions Json => StatusJson.Options;

    /// <summary>Whether a kiosk process is running with this store now (read by kiosk status from /proc).</summary>
    public bool Running { get; init; }

    /// <summary>One line for people: running, stopped, or never run with this store (read by kiosk status).</summary>
    public string? Message { get; init; }

    public string? KioskVersion { get; init; }

    public string? Hostname { get; init; }

    public int? Pid { get; init; }

    /// <summary>The process's start time in clock ticks since boot (/proc/PID/stat field 22), so a reused PID is not taken for the kiosk.</summary>
    public long? ProcessStartTicks { get; init; }

    public DateTimeOffset? Started { get; init; }

    public double? UptimeSeconds { get; init; }

    /// <summary>When the status file was written.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>When the kiosk stopped cleanly, else null.</summary>
    public DateTimeOffset? Stopped { get; init; }

    /// <summary>Where the status file is (read by kiosk status).</summary>
    public string? StatusFile { get; init; }

    /// <summary>The pack on the glass: the one the last presented frame was drawn from.</summary>
    public PackOnGlass? Pack { get; init; }

    /// <summary>What the store holds as current now (read by kiosk status; may differ from <see cref="Pack"/> for a moment after an install).</summary>
    public StorePack? Store { get; init; }

    /// <summary>The screen now shown, as <c>kiosk render --screen</c> names it.</summary>
    public string? Screen { get; init; }

    public long Frames { get; init; }

    public IReadOnlyList<DisplayStatus> Displays { get; init; } = [];

    public long Presses { get; init; }

    public DateTimeOffset? LastPress { get; init; }

    public StatusError? LastError { get; init; }

    public double? TemperatureC { get; init; }

    public ThrottleStatus? Throttled { get; init; }
}

/// <param name="Source">store, file (--pack / Kiosk:Pack) or builtin.</param>
/// <param name="State">committed or trial, as the store says; builtin and file packs are always committed.</param>
/// <param name="Since">When the first frame of this pack was presented.</param>
public sealed record PackOnGlass(string Id, string Version, string Sha256, string Source, string State, DateTimeOffset Since);

public sealed record StorePack(string? Id, string? Version, string? Sha256, string? State);

/// <param name="LastFrameHash">XXH128 (hex) of the BGRA pixels of the last frame this display took; null until one is hashed.</param>
public sealed record DisplayStatus(string Name, bool Healthy, DateTimeOffset? FailingSince, string? Error, long Frames, DateTimeOffset? LastFrameAt, string? LastFrameHash);

public sealed record StatusError(DateTimeOffset At, string Message);

/// <param name="Raw">The firmware's bit field as hex, e.g. 0x50005.</param>
/// <param name="Flags">The bits set, by name (under-voltage, arm-freq-capped, throttled, soft-temp-limit, and the same with -occurred).</param>
/// <param name="Source">Where it was read: the sysfs file or vcgencmd.</param>
public sealed record ThrottleStatus(string Raw, IReadOnlyList<string> Flags, string Source);
