using System.Text.RegularExpressions;

namespace Kiosk.Content.Packing;

/// <summary>
/// A pack's version: Semantic Versioning 2.0 (<c>1.4.0</c>, <c>2.0.0-rc.1</c>), so "newer" has one meaning
/// when a device refuses downgrades, and nothing but those characters reaches a terminal or a log.
/// </summary>
public sealed partial class PackVersion : IComparable<PackVersion>
{
    private readonly string[] _pre;

    private PackVersion(int major, int minor, int patch, string[] pre, string text)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        _pre = pre;
        Text = text;
    }

    public int Major { get; }

    public int Minor { get; }

    public int Patch { get; }

    public string Text { get; }

    public static bool TryParse(string? text, out PackVersion version)
    {
        version = null!;
        if (text is null || text.Length > 64)
        {
            return false;
        }

        var m = SemVer().Match(text);
        if (!m.Success || !int.TryParse(m.Groups[1].Value, out int major) || !int.TryParse(m.Groups[2].Value, out int minor) || !int.TryParse(m.Groups[3].Value, out int patch))
        {
            return false;
        }

        string[] pre = m.Groups[4].Success ? m.Groups[4].Value.Split('.') : [];
        version = new PackVersion(major, minor, patch, pre, text);
        return true;
    }

    public int CompareTo(PackVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        int c = Major.CompareTo(other.Major);
        c = c != 0 ? c : Minor.CompareTo(other.Minor);
        c = c != 0 ? c : Patch.CompareTo(other.Patch);
        if (c != 0)
        {
            return c;
        }

        // A pre-release ranks below its release; identifiers compare numerically when both are numbers.
        if (_pre.Length == 0 || other._pre.Length == 0)
        {
            return other._pre.Length.CompareTo(_pre.Length);
        }

        for (int i = 0; i < Math.Min(_pre.Length, other._pre.Length); i++)
        {
            bool a = long.TryParse(_pre[i], out long x);
            bool b = long.TryParse(other._pre[i], out long y);
            c = (a, b) switch
            {
                (true, true) => x.CompareTo(y),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(_pre[i], other._pre[i]),
            };
            if (c != 0)
            {
                return c;
            }
        }

        return _pre.Length.CompareTo(other._pre.Length);
    }

    public override string ToString() => Text;

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})(?:-((?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SemVer();
}
