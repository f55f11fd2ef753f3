using System.Text;

namespace Kiosk.Host.Push;

/// <summary>
/// Reads a child's output to the end but keeps only its tail: the reply is the last line, and a host that
/// prints without end must not fill this laptop's memory.
/// </summary>
internal static class TailCapture
{
    public const int MaxChars = 64 * 1024;

    public static async Task<string> ReadAsync(StreamReader reader, CancellationToken token)
    {
        var text = new StringBuilder();
        char[] buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxChars)
            {
                text.Remove(0, text.Length - MaxChars);
            }
        }

        return text.ToString();
    }
}
