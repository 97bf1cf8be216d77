using System.Globalization;
using System.Text;

namespace KubeRaya.Conformance.Judges;

/// <summary>
/// One Strict-Transport-Security header value, parsed by the grammar of RFC 6797 §6.1: directives separated by ';'
/// (empty ones allowed), names case-insensitive tokens, values tokens or quoted strings, optional whitespace around
/// ';' and '='. Each directive may appear once; max-age is required and is delta-seconds (quoted or not); unknown
/// directives are ignored.
/// </summary>
/// <param name="MaxAge">max-age in seconds (values beyond <see cref="long.MaxValue"/> are clamped).</param>
/// <param name="IncludeSubDomains">Whether includeSubDomains is present.</param>
/// <param name="Preload">Whether preload is present.</param>
public sealed record StrictTransportSecurityPolicy(long MaxAge, bool IncludeSubDomains, bool Preload)
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    /// <summary>Parses a header value; on failure <paramref name="problem"/> says why a user agent would ignore it.</summary>
    public static bool TryParse(string? value, out StrictTransportSecurityPolicy? policy, out string problem)
    {
        policy = null;
        var directives = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        problem = value is null ? "no value" : ReadDirectives(value, directives) ?? "";
        if (problem.Length > 0)
        {
            return false;
        }
        if (!directives.TryGetValue("max-age", out var maxAge))
        {
            problem = "no max-age directive";
            return false;
        }
        if (string.IsNullOrEmpty(maxAge) || !maxAge.All(char.IsAsciiDigit))
        {
            problem = maxAge is null ? "max-age has no value" : $"max-age value \"{maxAge}\" is not a number of seconds";
            return false;
        }
        var digits = maxAge.TrimStart('0');
        var seconds = digits.Length == 0 ? 0 : digits.Length > 18 ? long.MaxValue : long.Parse(digits, CultureInfo.InvariantCulture);
        policy = new StrictTransportSecurityPolicy(seconds, directives.ContainsKey("includeSubDomains"), directives.ContainsKey("preload"));
        return true;
    }

    /// <summary>Reads every directive into the dictionary; returns the problem, or null when the syntax is sound.</summary>
    private static string? ReadDirectives(string value, Dictionary<string, string?> directives)
    {
        var at = 0;
        while (true)
        {
            SkipSpace(value, ref at);
            if (at >= value.Length)
            {
                return null;
            }
            if (value[at] == ';')
            {
                at++;
                continue;
            }
            var name = ReadToken(value, ref at);
            if (name.Length == 0)
            {
                return $"unexpected character '{value[at]}' at position {at}";
            }
            SkipSpace(value, ref at);
            string? directiveValue = null;
            if (at < value.Length && value[at] == '=')
            {
                at++;
                SkipSpace(value, ref at);
                if (at < value.Length && value[at] == '"')
                {
                    directiveValue = ReadQuoted(value, ref at);
                    if (directiveValue is null)
                    {
                        return $"unterminated quoted value for {name}";
                    }
                }
                else
                {
                    directiveValue = ReadToken(value, ref at);
                    if (directiveValue.Length == 0)
                    {
                        return $"directive {name} has '=' but no value";
                    }
                }
                SkipSpace(value, ref at);
            }
            if (at < value.Length && value[at] != ';')
            {
                return $"unexpected character '{value[at]}' at position {at}";
            }
            if (!directives.TryAdd(name, directiveValue))
            {
                return $"directive {name} appears more than once";
            }
        }
    }

    private static void SkipSpace(string value, ref int at)
    {
        while (at < value.Length && value[at] is ' ' or '\t')
        {
            at++;
        }
    }

    private static string ReadToken(string value, ref int at)
    {
        var start = at;
        while (at < value.Length && (char.IsAsciiLetterOrDigit(value[at]) || TokenSymbols.Contains(value[at], StringComparison.Ordinal)))
        {
            at++;
        }
        return value[start..at];
    }

    /// <summary>Reads a quoted-string starting at the opening quote; null when it is not terminated.</summary>
    private static string? ReadQuoted(string value, ref int at)
    {
        var text = new StringBuilder();
        for (at++; at < value.Length; at++)
        {
            var c = value[at];
            if (c == '"')
            {
                at++;
                return text.ToString();
            }
            if (c == '\\')
            {
                if (++at >= value.Length)
                {
                    return null;
                }
                c = value[at];
            }
            text.Append(c);
        }
        return null;
    }
}
