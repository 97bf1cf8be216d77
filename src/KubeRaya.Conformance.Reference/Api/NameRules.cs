using System.Net;
using System.Text.RegularExpressions;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// The name and value formats of the Kubernetes API (DNS-1123 labels and subdomains, DNS-1035 labels,
/// qualified names, label values, config keys, port names and numbers), each returning the server's
/// own messages; an empty list means valid.
/// </summary>
internal static partial class NameRules
{
    private const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFormat = Dns1123LabelFormat + "(\\." + Dns1123LabelFormat + ")*";
    private const string Dns1035LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string WildcardSubdomainFormat = "\\*\\." + Dns1123SubdomainFormat;
    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string LabelValueFormat = "(" + QualifiedNameFormat + ")?";
    private const string ConfigKeyFormat = "[-._a-zA-Z0-9]+";
    private const string QualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    public static IReadOnlyList<string> Dns1123Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63) errors.Add(MaxLength(63));
        if (!Dns1123LabelPattern().IsMatch(value))
        {
            errors.Add(Dns1123SubdomainPattern().IsMatch(value)
                ? "must not contain dots"
                : RegexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
                    Dns1123LabelFormat, "my-name", "123-abc"));
        }

        return errors;
    }

    public static IReadOnlyList<string> Dns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (value.Length > 253) errors.Add(MaxLength(253));
        if (!Dns1123SubdomainPattern().IsMatch(value))
        {
            errors.Add(RegexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
                Dns1123SubdomainFormat, "example.com"));
        }

        return errors;
    }

    public static IReadOnlyList<string> Dns1035Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63) errors.Add(MaxLength(63));
        if (!Dns1035LabelPattern().IsMatch(value))
        {
            errors.Add(RegexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
                Dns1035LabelFormat, "my-name", "abc-123"));
        }

        return errors;
    }

    public static IReadOnlyList<string> WildcardDns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (value.Length > 253) errors.Add(MaxLength(253));
        if (!WildcardSubdomainPattern().IsMatch(value))
        {
            errors.Add(RegexError("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
                WildcardSubdomainFormat, "*.example.com"));
        }

        return errors;
    }

    /// <summary>A host name as Ingress rules and TLS entries accept it: a DNS subdomain or a wildcard one, never an IP address.</summary>
    public static IReadOnlyList<string> IngressHost(string value)
    {
        if (IPAddress.TryParse(value, out _)) return ["must be a DNS name, not an IP address"];
        return value.Contains('*', StringComparison.Ordinal) ? WildcardDns1123Subdomain(value) : Dns1123Subdomain(value);
    }

    public static IReadOnlyList<string> QualifiedName(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                name = parts[1];
                if (parts[0].Length == 0) errors.Add("prefix part must be non-empty");
                else errors.AddRange(Dns1123Subdomain(parts[0]).Select(m => "prefix part " + m));
                break;
            default:
                return ["a qualified name " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
        }

        if (name.Length == 0) errors.Add("name part must be non-empty");
        else if (name.Length > 63) errors.Add("name part " + MaxLength(63));
        if (!QualifiedNamePattern().IsMatch(name))
        {
            errors.Add("name part " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc"));
        }

        return errors;
    }

    public static IReadOnlyList<string> LabelValue(string value)
    {
        var errors = new List<string>();
        if (value.Length > 63) errors.Add(MaxLength(63));
        if (!LabelValuePattern().IsMatch(value))
        {
            errors.Add(RegexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
                LabelValueFormat, "MyValue", "my_value", "12345"));
        }

        return errors;
    }

    public static IReadOnlyList<string> ConfigKey(string value)
    {
        var errors = new List<string>();
        if (value.Length > 253) errors.Add(MaxLength(253));
        if (!ConfigKeyPattern().IsMatch(value))
        {
            errors.Add(RegexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", ConfigKeyFormat, "key.name", "KEY_NAME", "key-name"));
        }
        else if (value == ".") errors.Add("must not be '.'");
        else if (value == "..") errors.Add("must not be '..'");
        else if (value.StartsWith("..", StringComparison.Ordinal)) errors.Add("must not start with '..'");

        return errors;
    }

    public static IReadOnlyList<string> PortNumber(long value) =>
        value is >= 1 and <= 65535 ? [] : ["must be between 1 and 65535, inclusive"];

    /// <summary>An IANA service name, as port names must be.</summary>
    public static IReadOnlyList<string> PortName(string value)
    {
        var errors = new List<string>();
        if (value.Length > 15) errors.Add(MaxLength(15));
        if (!PortNameCharsPattern().IsMatch(value)) errors.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        if (!value.Any(char.IsAsciiLetterLower)) errors.Add("must contain at least one letter (a-z)");
        if (value.Contains("--", StringComparison.Ordinal)) errors.Add("must not contain consecutive hyphens");
        if (value.Length > 0 && (value[0] == '-' || value[^1] == '-')) errors.Add("must not begin or end with a hyphen");
        return errors;
    }

    public static bool IsIPv4(string value) =>
        IPAddress.TryParse(value, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
        && value.Count(c => c == '.') == 3;

    private static string MaxLength(int length) => $"must be no more than {length} characters";

    private static string RegexError(string message, string format, params string[] examples) =>
        message + " (e.g. " + string.Join(" or ", examples.Select(e => $"'{e}', ")) + "regex used for validation is '" + format + "')";

    [GeneratedRegex("^" + Dns1123LabelFormat + "\\z")]
    private static partial Regex Dns1123LabelPattern();

    [GeneratedRegex("^" + Dns1123SubdomainFormat + "\\z")]
    private static partial Regex Dns1123SubdomainPattern();

    [GeneratedRegex("^" + Dns1035LabelFormat + "\\z")]
    private static partial Regex Dns1035LabelPattern();

    [GeneratedRegex("^" + WildcardSubdomainFormat + "\\z")]
    private static partial Regex WildcardSubdomainPattern();

    [GeneratedRegex("^" + QualifiedNameFormat + "\\z")]
    private static partial Regex QualifiedNamePattern();

    [GeneratedRegex("^" + LabelValueFormat + "\\z")]
    private static partial Regex LabelValuePattern();

    [GeneratedRegex("^" + ConfigKeyFormat + "\\z")]
    private static partial Regex ConfigKeyPattern();

    [GeneratedRegex("^[-a-z0-9]+\\z")]
    private static partial Regex PortNameCharsPattern();
}
