using System.Text;
using System.Text.Json.Nodes;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// A field selector as the API server takes it from <c>?fieldSelector=</c>: terms <c>field=value</c>,
/// <c>field==value</c> or <c>field!=value</c>, comma-separated and ANDed, on the fields each resource
/// supports (<c>metadata.name</c> and <c>metadata.namespace</c> everywhere).
/// </summary>
internal sealed class FieldSelector
{
    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string Field, bool Equal, string Value)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    /// <summary>Parses the query form for one resource; 400 BadRequest for syntax errors and unsupported fields.</summary>
    public static FieldSelector Parse(string? text, ResourceKind kind)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        var terms = new List<(string, bool, string)>();
        foreach (var term in SplitUnescaped(text, ','))
        {
            var (field, equal, value) = ParseTerm(term)
                ?? throw ApiStatusException.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            if (field is not ("metadata.name" or "metadata.namespace") && !kind.FieldLabels.Contains(field))
            {
                throw ApiStatusException.BadRequest($"field label not supported: {field}");
            }

            terms.Add((field, equal, value));
        }

        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj) =>
        _terms.All(t => (StoredObject.FieldValue(obj, FieldPath(t.Field)) == t.Value) == t.Equal);

    /// <summary>The JSON path of a selectable field; <c>source</c> on events means the reporting component.</summary>
    private static string[] FieldPath(string field) => field == "source" ? ["source", "component"] : field.Split('.');

    private static (string Field, bool Equal, string Value)? ParseTerm(string term)
    {
        foreach (var (op, equal) in new[] { ("!=", false), ("==", true), ("=", true) })
        {
            var at = IndexOfUnescaped(term, op);
            if (at < 0) continue;
            var field = Unescape(term[..at]).Trim();
            return field.Length == 0 ? null : (field, equal, Unescape(term[(at + op.Length)..]));
        }

        return null;
    }

    private static int IndexOfUnescaped(string text, string token)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (string.CompareOrdinal(text, i, token, 0, token.Length) == 0) return i;
        }

        return -1;
    }

    private static IEnumerable<string> SplitUnescaped(string text, char separator)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == separator)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static string Unescape(string text)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length) i++;
            builder.Append(text[i]);
        }

        return builder.ToString();
    }
}
