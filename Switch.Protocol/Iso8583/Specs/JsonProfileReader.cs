using System.Globalization;
using System.Text.Json;

namespace Switch.Protocol.Iso8583.Specs;

/// <summary>
/// Reads a profile from JSON: <c>{"name", "base", "mti", "bitmap", "fields": {"35": {"type": "z",
/// "length": 37, "prefix": "LL", "encoding": "bcd", "prefix-encoding": "bcd"}}}</c>.
/// </summary>
public static class JsonProfileReader
{
    public static IsoProfile ReadFile(string path) => Read(File.ReadAllText(path));

    public static IsoProfile Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ProfileDefinitionException("(document)", $"not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ProfileDefinitionException("(document)", "must be a JSON object");
            }

            var fields = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            if (root.TryGetProperty("fields", out var fieldsElement))
            {
                if (fieldsElement.ValueKind != JsonValueKind.Object)
                {
                    throw new ProfileDefinitionException("fields", "must be an object keyed by field number");
                }

                foreach (var field in fieldsElement.EnumerateObject())
                {
                    fields[field.Name] = Properties(field.Value, $"fields.{field.Name}");
                }
            }

            return new ProfileDefinition(
                Text(root, "name"), Text(root, "base"), Text(root, "mti"), Text(root, "bitmap"), fields).Build();
        }
    }

    private static Dictionary<string, string> Properties(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ProfileDefinitionException(path, "must be an object");
        }

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            properties[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString()!,
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => throw new ProfileDefinitionException($"{path}.{property.Name}", "must be a string or a number"),
            };
        }

        return properties;
    }

    private static string? Text(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ProfileDefinitionException(key, string.Create(CultureInfo.InvariantCulture, $"must be a string, not {value.ValueKind}"));
    }
}
