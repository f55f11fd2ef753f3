namespace Kiosk.Content.Signing;

public enum SignatureStatus
{
    Ok,
    Unsigned,
    UnknownKey,
    BadSignature,
}

/// <summary>The outcome of checking a pack's signature, with a message a member of staff can act on.</summary>
public sealed record SignatureCheck(SignatureStatus Status, string Message, string? KeyId)
{
    public bool Ok => Status == SignatureStatus.Ok;
}
