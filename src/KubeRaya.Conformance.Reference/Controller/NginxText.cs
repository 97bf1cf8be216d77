using System.Text;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>Writes nginx configuration text: indented blocks and safely quoted literals.</summary>
internal sealed class NginxText
{
    private readonly StringBuilder text = new();
    private int depth;

    /// <summary>A double-quoted nginx string. Throws for text nginx would interpolate ($) or that holds control characters.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('$', StringComparison.Ordinal) || value.Any(char.IsControl))
            throw new ArgumentException($"'{value}' cannot be written into nginx configuration as a literal.", nameof(value));
        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A double-quoted nginx string of a literal followed by one variable, e.g. <c>"/path/file.pem${kr_dynamic}"</c>.</summary>
    public static string QuoteWithVariable(string value, string variable)
    {
        var quoted = Quote(value);
        return quoted[..^1] + "${" + variable + "}\"";
    }

    /// <summary>The text with unsafe characters dropped, for free-form values such as a realm.</summary>
    public static string Sanitize(string value) =>
        new([.. (value ?? string.Empty).Where(c => !char.IsControl(c) && c is not ('$' or '"' or '\\'))]);

    /// <summary>One directive or comment line.</summary>
    public NginxText Line(string line)
    {
        text.Append(' ', depth * 4).Append(line).Append('\n');
        return this;
    }

    /// <summary>A block: <c>header { … }</c>.</summary>
    public NginxText Block(string header, Action<NginxText> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Line(header + " {");
        depth++;
        body(this);
        depth--;
        return Line("}");
    }

    /// <inheritdoc />
    public override string ToString() => text.ToString();
}
