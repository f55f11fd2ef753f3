using System.Globalization;
using Kiosk.Content.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Kiosk.Content.Sources;

/// <summary>
/// Typed access to YAML fields that records where each one was written and reports a precise diagnostic
/// (file, line, column, field path) for anything missing, mistyped or unexpected.
/// </summary>
internal sealed class YamlFieldReader(SourceMap map, DiagnosticBag diagnostics)
{
    public SourceMap Map { get; } = map;

    public void Error(string path, string message) => diagnostics.Add(Map.At(path, message));

    public void Record(string path, YamlNode node) => Map.Record(path, (int)node.Start.Line, (int)node.Start.Column);

    public YamlMappingNode? AsMapping(YamlNode? node, string path)
    {
        if (node is YamlMappingNode mapping)
        {
            Record(path, mapping);
            return mapping;
        }

        if (node is not null)
        {
            Record(path, node);
            Error(path, "expected a mapping (key: value pairs)");
        }

        return null;
    }

    /// <summary>Reports keys the schema does not know: a misspelt key would otherwise be silently ignored.</summary>
    public void RejectUnknownKeys(YamlMappingNode mapping, string path, params string[] known)
    {
        foreach (var (key, _) in mapping.Children)
        {
            string name = key is YamlScalarNode s ? s.Value ?? string.Empty : key.ToString();
            if (Array.IndexOf(known, name) < 0)
            {
                string field = Join(path, name);
                Record(field, key);
                Error(field, $"unknown field '{name}' (expected one of: {string.Join(", ", known)})");
            }
        }
    }

    public YamlNode? Child(YamlMappingNode mapping, string key, string path, bool required)
    {
        string field = Join(path, key);
        if (mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && !IsNull(node))
        {
            Record(field, node);
            return node;
        }

        if (required)
        {
            Error(field, "missing required field");
        }

        return null;
    }

    public string? String(YamlMappingNode mapping, string key, string path, bool required = true)
    {
        var node = Child(mapping, key, path, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            string text = (scalar.Value ?? string.Empty).Trim();
            if (text.Length == 0 && required)
            {
                Error(Join(path, key), "must not be empty");
                return null;
            }

            return text.Length == 0 ? null : text;
        }

        Error(Join(path, key), "expected text");
        return null;
    }

    public int? Int(YamlMappingNode mapping, string key, string path, bool required = true)
    {
        var node = Child(mapping, key, path, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar && int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        Error(Join(path, key), $"expected a whole number, found '{Describe(node)}'");
        return null;
    }

    public double? Double(YamlMappingNode mapping, string key, string path, bool required = true)
    {
        var node = Child(mapping, key, path, required);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode scalar && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
        {
            return value;
        }

        Error(Join(path, key), $"expected a number, found '{Describe(node)}'");
        return null;
    }

    public bool Bool(YamlMappingNode mapping, string key, string path)
    {
        var node = Child(mapping, key, path, required: false);
        if (node is null)
        {
            return false;
        }

        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Error(Join(path, key), $"expected true or false, found '{Describe(node)}'");
        return false;
    }

    public IReadOnlyList<(YamlNode Node, string Path)> Sequence(YamlMappingNode mapping, string key, string path, bool required = true)
    {
        var node = Child(mapping, key, path, required);
        if (node is null)
        {
            return [];
        }

        string field = Join(path, key);
        if (node is not YamlSequenceNode sequence)
        {
            Error(field, "expected a list");
            return [];
        }

        var items = new List<(YamlNode, string)>(sequence.Children.Count);
        for (int i = 0; i < sequence.Children.Count; i++)
        {
            string itemPath = $"{field}[{i}]";
            Record(itemPath, sequence.Children[i]);
            items.Add((sequence.Children[i], itemPath));
        }

        return items;
    }

    public IReadOnlyList<string> StringList(YamlMappingNode mapping, string key, string path, bool required = true)
    {
        var result = new List<string>();
        foreach (var (node, itemPath) in Sequence(mapping, key, path, required))
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } value })
            {
                result.Add(value.Trim());
            }
            else
            {
                Error(itemPath, "expected text");
            }
        }

        return result;
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "" or "~" or "null" };

    private static string Describe(YamlNode node) => node is YamlScalarNode s ? s.Value ?? string.Empty : node.NodeType.ToString().ToLowerInvariant();
}
