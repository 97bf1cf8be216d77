using System.Globalization;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// One validation error on one field, worded as the Kubernetes API server words it, e.g.
/// <c>spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified</c>.
/// </summary>
/// <param name="Type">The error type.</param>
/// <param name="Field">The field path, e.g. <c>data[tls.crt]</c>.</param>
/// <param name="Value">The offending value as the server prints it (strings quoted), or null when not printed.</param>
/// <param name="Detail">Further explanation, possibly empty.</param>
internal sealed record FieldError(FieldErrorType Type, string Field, string? Value, string Detail)
{
    /// <summary>The status cause reason, e.g. <c>FieldValueRequired</c>.</summary>
    public string CauseReason => Type switch
    {
        FieldErrorType.Required => "FieldValueRequired",
        FieldErrorType.Invalid => "FieldValueInvalid",
        FieldErrorType.NotSupported => "FieldValueNotSupported",
        FieldErrorType.Duplicate => "FieldValueDuplicate",
        FieldErrorType.Forbidden => "FieldValueForbidden",
        _ => "FieldValueTooLong",
    };

    /// <summary>The message without the field path, as in a status cause.</summary>
    public string Body
    {
        get
        {
            var text = Type switch
            {
                FieldErrorType.Required => "Required value",
                FieldErrorType.Forbidden => "Forbidden",
                FieldErrorType.TooLong => "Too long",
                FieldErrorType.Invalid => $"Invalid value: {Value ?? "null"}",
                FieldErrorType.NotSupported => $"Unsupported value: {Value ?? "null"}",
                _ => $"Duplicate value: {Value ?? "null"}",
            };
            return Detail.Length == 0 ? text : $"{text}: {Detail}";
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Body}";

    public static FieldError Required(string field, string detail = "") => new(FieldErrorType.Required, field, null, detail);

    public static FieldError Forbidden(string field, string detail) => new(FieldErrorType.Forbidden, field, null, detail);

    public static FieldError TooLong(string field, long maximum) =>
        new(FieldErrorType.TooLong, field, null, $"must have at most {maximum.ToString(CultureInfo.InvariantCulture)} bytes");

    public static FieldError Invalid(string field, string? value, string detail) => new(FieldErrorType.Invalid, field, Quote(value), detail);

    public static FieldError Invalid(string field, long value, string detail) =>
        new(FieldErrorType.Invalid, field, value.ToString(CultureInfo.InvariantCulture), detail);

    /// <summary>An invalid value printed as given (for maps, lists and structures).</summary>
    public static FieldError InvalidPrinted(string field, string printedValue, string detail) =>
        new(FieldErrorType.Invalid, field, printedValue, detail);

    public static FieldError NotSupported(string field, string? value, IEnumerable<string> supported) =>
        new(FieldErrorType.NotSupported, field, Quote(value),
            "supported values: " + string.Join(", ", supported.Order(StringComparer.Ordinal).Select(s => Quote(s))));

    public static FieldError Duplicate(string field, string value) => new(FieldErrorType.Duplicate, field, Quote(value), "");

    /// <summary>A string as Go's <c>%q</c> prints it.</summary>
    public static string Quote(string? value)
    {
        if (value is null) return "null";
        var builder = new System.Text.StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A string map as Go's <c>%#v</c> prints it, keys sorted.</summary>
    public static string PrintMap(IEnumerable<KeyValuePair<string, string>>? map) =>
        map is null
            ? "map[string]string(nil)"
            : "map[string]string{" + string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Quote(p.Key)}:{Quote(p.Value)}")) + "}";

    /// <summary>A string list as Go's <c>%#v</c> prints it.</summary>
    public static string PrintList(IEnumerable<string>? list) =>
        list is null ? "[]string(nil)" : "[]string{" + string.Join(", ", list.Select(Quote)) + "}";
}
