using System.Globalization;
using k8s.Models;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// A label selector as the API server parses it from <c>?labelSelector=</c> (<c>app=web,tier!=db</c>,
/// <c>env in (a,b)</c>, <c>env notin (c)</c>, <c>key</c>, <c>!key</c>, <c>n&gt;1</c>) or builds it from a
/// <see cref="V1LabelSelector"/>; requirements are ANDed.
/// </summary>
internal sealed class LabelSelector
{
    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements) => _requirements = requirements;

    /// <summary>The operators of a requirement.</summary>
    public enum Operator
    {
        Equals,
        NotEquals,
        In,
        NotIn,
        Exists,
        DoesNotExist,
        GreaterThan,
        LessThan,
    }

    /// <summary>Matches every object.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>True when the selector has no requirement.</summary>
    public bool IsEmpty => _requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r.Matches(labels));

    /// <summary>Parses the query form; 400 BadRequest with the server's wording when it cannot.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        try
        {
            return new LabelSelector(new Parser(text).ParseAll());
        }
        catch (FormatException failure)
        {
            throw ApiStatusException.BadRequest($"unable to parse requirement: {failure.Message}");
        }
    }

    /// <summary>The selector a <see cref="V1LabelSelector"/> describes; null selects nothing.</summary>
    public static LabelSelector FromModel(V1LabelSelector? selector)
    {
        if (selector is null) return new LabelSelector([new Requirement("", Operator.In, [])]);
        var requirements = new List<Requirement>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            requirements.Add(new Requirement(key, Operator.Equals, [value]));
        }

        foreach (var expression in selector.MatchExpressions ?? [])
        {
            var op = expression.OperatorProperty switch
            {
                "In" => Operator.In,
                "NotIn" => Operator.NotIn,
                "Exists" => Operator.Exists,
                _ => Operator.DoesNotExist,
            };
            requirements.Add(new Requirement(expression.Key, op, [.. expression.Values ?? []]));
        }

        return new LabelSelector(requirements);
    }

    private sealed record Requirement(string Key, Operator Op, IReadOnlyList<string> Values)
    {
        public bool Matches(IReadOnlyDictionary<string, string> labels)
        {
            var present = labels.TryGetValue(Key, out var value);
            return Op switch
            {
                Operator.Equals or Operator.In => present && Values.Contains(value),
                Operator.NotEquals or Operator.NotIn => !present || !Values.Contains(value),
                Operator.Exists => present,
                Operator.DoesNotExist => !present,
                Operator.GreaterThan => present && long.TryParse(value, CultureInfo.InvariantCulture, out var g) && g > long.Parse(Values[0], CultureInfo.InvariantCulture),
                _ => present && long.TryParse(value, CultureInfo.InvariantCulture, out var l) && l < long.Parse(Values[0], CultureInfo.InvariantCulture),
            };
        }
    }

    /// <summary>A recursive-descent parser over the selector grammar of apimachinery's <c>labels.Parse</c>.</summary>
    private sealed class Parser(string text)
    {
        private const string Special = "!=(),<> \t\n";
        private int _position;

        public IReadOnlyList<Requirement> ParseAll()
        {
            var requirements = new List<Requirement>();
            while (true)
            {
                requirements.Add(ParseRequirement());
                var token = Next();
                if (token.Length == 0) return requirements;
                if (token != ",") throw new FormatException($"found '{token}', expected: ',' or 'end of string'");
            }
        }

        private Requirement ParseRequirement()
        {
            var token = Next();
            if (token == "!")
            {
                var negated = Next();
                if (!IsIdentifier(negated)) throw new FormatException($"found '{negated}', expected: identifier after '!'");
                return new Requirement(ValidKey(negated), Operator.DoesNotExist, []);
            }

            if (!IsIdentifier(token)) throw new FormatException($"found '{token}', expected: !, identifier, or 'end of string'");
            var key = ValidKey(token);
            var save = _position;
            var op = Next();
            switch (op)
            {
                case "" or ",":
                    _position = save;
                    return new Requirement(key, Operator.Exists, []);
                case "=" or "==":
                    return new Requirement(key, Operator.Equals, [ValidValue(key, NextValue())]);
                case "!=":
                    return new Requirement(key, Operator.NotEquals, [ValidValue(key, NextValue())]);
                case "in" or "notin":
                    return new Requirement(key, op == "in" ? Operator.In : Operator.NotIn, ParseSet(key));
                case ">" or "<":
                    var bound = NextValue();
                    if (!long.TryParse(bound, CultureInfo.InvariantCulture, out _)) throw new FormatException($"for 'Gt', 'Lt' operators, the value must be an integer");
                    return new Requirement(key, op == ">" ? Operator.GreaterThan : Operator.LessThan, [bound]);
                default:
                    throw new FormatException($"found '{op}', expected: in, notin, =, ==, !=, gt, lt");
            }
        }

        private List<string> ParseSet(string key)
        {
            var open = Next();
            if (open != "(") throw new FormatException($"found '{open}', expected: '('");
            var values = new List<string>();
            while (true)
            {
                var save = _position;
                var token = Next();
                if (token is "," or ")")
                {
                    values.Add("");
                    _position = save;
                }
                else if (IsIdentifier(token))
                {
                    values.Add(ValidValue(key, token));
                }
                else
                {
                    throw new FormatException($"found '{token}', expected: ',', ')' or identifier");
                }

                var separator = Next();
                if (separator == ")") return values;
                if (separator != ",") throw new FormatException($"found '{separator}', expected: ',' or ')'");
            }
        }

        private string NextValue()
        {
            var save = _position;
            var token = Next();
            if (IsIdentifier(token)) return token;
            _position = save;
            return "";
        }

        private string Next()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position])) _position++;
            if (_position >= text.Length) return "";
            var start = _position;
            var c = text[_position];
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                _position++;
                if ((c is '=' or '!') && _position < text.Length && text[_position] == '=') _position++;
                return text[start.._position];
            }

            while (_position < text.Length && !Special.Contains(text[_position], StringComparison.Ordinal)) _position++;
            return text[start.._position];
        }

        private static bool IsIdentifier(string token) =>
            token.Length > 0 && !Special.Contains(token[0], StringComparison.Ordinal);

        private static string ValidKey(string key)
        {
            var problems = NameRules.QualifiedName(key);
            if (problems.Count > 0) throw new FormatException($"key: Invalid value: {FieldError.Quote(key)}: {problems[0]}");
            return key;
        }

        private static string ValidValue(string key, string value)
        {
            var problems = NameRules.LabelValue(value);
            if (problems.Count > 0) throw new FormatException($"values[0][{key}]: Invalid value: {FieldError.Quote(value)}: {problems[0]}");
            return value;
        }
    }
}
