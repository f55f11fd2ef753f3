using Kiosk.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kiosk.Content.Sources;

/// <summary>Loads a YAML file's single document, turning syntax errors into located diagnostics.</summary>
internal static class YamlDocumentLoader
{
    public static YamlNode? Load(string path, string displayName, DiagnosticBag diagnostics)
    {
        try
        {
            using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count != 1)
            {
                diagnostics.Add(new Diagnostic(displayName, 1, 1, string.Empty, $"expected one YAML document, found {stream.Documents.Count}"));
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            // Duplicate keys surface here too, with the position of the second one.
            string message = ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message;
            diagnostics.Add(new Diagnostic(displayName, (int)ex.Start.Line, (int)ex.Start.Column, string.Empty, $"YAML: {Tidy(message)}"));
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet reports some malformed documents this way, without a position.
            diagnostics.Add(new Diagnostic(displayName, 0, 0, string.Empty, $"YAML: not a well-formed document ({ex.Message})"));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(displayName, 0, 0, string.Empty, ex.Message));
            return null;
        }
    }

    // YamlDotNet prefixes messages with its own "(Line: .., Col: ..)" which our diagnostic already carries.
    private static string Tidy(string message)
    {
        int close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }
}
