using static Kiosk.Host.Display.Drm.DrmInterop;

namespace Kiosk.Host.Display.Drm;

/// <summary>
/// Where the picture goes on a DRM card: the first connected connector, its preferred mode (else its first)
/// and a CRTC its encoders can drive, preferring the one already lit so the hand-over from the console is seamless.
/// </summary>
internal readonly record struct DrmOutput(uint ConnectorId, uint CrtcId, DrmModeModeInfo Mode)
{
    public int Width => Mode.HDisplay;

    public int Height => Mode.VDisplay;

    /// <summary>Null with a reason when the card has no connected display (or is a render-only GPU).</summary>
    public static unsafe DrmOutput? Find(int fd, out string reason)
    {
        var res = default(DrmModeCardRes);
        if (Ioctl(fd, ModeGetResources, &res) != 0)
        {
            reason = $"not a KMS device ({LastError()})";
            return null;
        }

        var connectors = new uint[res.CountConnectors];
        var crtcs = new uint[res.CountCrtcs];
        var encoders = new uint[res.CountEncoders];
        fixed (uint* pConnectors = connectors, pCrtcs = crtcs, pEncoders = encoders)
        {
            res = new DrmModeCardRes
            {
                ConnectorIdPtr = (ulong)pConnectors,
                CrtcIdPtr = (ulong)pCrtcs,
                EncoderIdPtr = (ulong)pEncoders,
                CountConnectors = (uint)connectors.Length,
                CountCrtcs = (uint)crtcs.Length,
                CountEncoders = (uint)encoders.Length,
            };
            if (Ioctl(fd, ModeGetResources, &res) != 0)
            {
                reason = $"cannot read its resources ({LastError()})";
                return null;
            }
        }

        if (connectors.Length == 0)
        {
            reason = "it has no connectors (a render-only GPU)";
            return null;
        }

        foreach (uint connectorId in connectors)
        {
            if (TryConnector(fd, connectorId, crtcs, out var output))
            {
                reason = string.Empty;
                return output;
            }
        }

        reason = $"none of its {connectors.Length} connectors has a display connected";
        return null;
    }

    private static unsafe bool TryConnector(int fd, uint connectorId, uint[] crtcs, out DrmOutput output)
    {
        output = default;
        // The first call probes the connector and counts; the second fills the arrays. Counts can grow between
        // the calls (a monitor plugged in), so the second call is checked against what was allocated.
        var probe = new DrmModeGetConnector { ConnectorId = connectorId };
        if (Ioctl(fd, ModeGetConnector, &probe) != 0 || probe.Connection != ModeConnected || probe.CountModes == 0)
        {
            return false;
        }

        var modes = new DrmModeModeInfo[probe.CountModes];
        var encoderIds = new uint[probe.CountEncoders];
        var connector = new DrmModeGetConnector { ConnectorId = connectorId, CountModes = (uint)modes.Length, CountEncoders = (uint)encoderIds.Length };
        fixed (DrmModeModeInfo* pModes = modes)
        fixed (uint* pEncoders = encoderIds)
        {
            connector.ModesPtr = (ulong)pModes;
            connector.EncodersPtr = (ulong)pEncoders;
            if (Ioctl(fd, ModeGetConnector, &connector) != 0 || connector.CountModes > modes.Length || connector.CountEncoders > encoderIds.Length || connector.CountModes == 0)
            {
                return false;
            }
        }

        var mode = modes[0];
        for (int i = 0; i < connector.CountModes; i++)
        {
            if ((modes[i].Type & ModeTypePreferred) != 0)
            {
                mode = modes[i];
                break;
            }
        }

        uint crtc = FindCrtc(fd, connector.EncoderId, encoderIds.AsSpan(0, (int)connector.CountEncoders), crtcs);
        if (crtc == 0)
        {
            return false;
        }

        output = new DrmOutput(connectorId, crtc, mode);
        return true;
    }

    private static unsafe uint FindCrtc(int fd, uint currentEncoder, ReadOnlySpan<uint> encoderIds, uint[] crtcs)
    {
        if (currentEncoder != 0)
        {
            var encoder = new DrmModeGetEncoder { EncoderId = currentEncoder };
            if (Ioctl(fd, ModeGetEncoder, &encoder) == 0 && encoder.CrtcId != 0)
            {
                return encoder.CrtcId;
            }
        }

        foreach (uint id in encoderIds)
        {
            var encoder = new DrmModeGetEncoder { EncoderId = id };
            if (Ioctl(fd, ModeGetEncoder, &encoder) != 0)
            {
                continue;
            }

            for (int i = 0; i < crtcs.Length && i < 32; i++)
            {
                if ((encoder.PossibleCrtcs & (1u << i)) != 0)
                {
                    return crtcs[i];
                }
            }
        }

        return 0;
    }
}
