namespace KubeRaya.Conformance.Cli;

/// <summary>
/// The options of one command, as <c>--name value</c> pairs and bare <c>--flag</c>s. run-tests.ps1 is the
/// interface people use; it forwards its parameters here in this form, so this parser only has to be strict.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private Arguments(string command, Dictionary<string, string?> values)
    {
        Command = command;
        _values = values;
    }

    /// <summary>The command word (run, serve, verify-report, audit, calibrate).</summary>
    public string Command { get; }

    /// <summary>Parses a command line. Options may appear once; values may not start with "--".</summary>
    public static Arguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0].StartsWith('-'))
            throw new UsageException("no command given: use one of run, serve, verify-report, audit, calibrate (run-tests.ps1 does this for you)");
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length == 2)
                throw new UsageException($"unexpected argument '{args[i]}': options are written --name value");
            string? value = null;
            if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                value = args[++i];
            if (!values.TryAdd(name[2..], value))
                throw new UsageException($"option --{name[2..]} is given twice: give it once");
        }
        return new Arguments(args[0], values);
    }

    /// <summary>A string option, or null when absent.</summary>
    public string? Text(string name)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var value)) return null;
        if (string.IsNullOrWhiteSpace(value)) throw new UsageException($"option --{name} needs a value");
        return value;
    }

    /// <summary>A required string option.</summary>
    public string Required(string name, string what) =>
        Text(name) ?? throw new UsageException($"missing {what}: give --{name} (run-tests.ps1: -{Pascal(name)})");

    /// <summary>A bare flag.</summary>
    public bool Flag(string name)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var value)) return false;
        if (value is not null) throw new UsageException($"option --{name} takes no value, but was given '{value}'");
        return true;
    }

    /// <summary>A TCP port option in 1..65535.</summary>
    public int Port(string name, int fallback)
    {
        var text = Text(name);
        if (text is null) return fallback;
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new UsageException($"--{name} '{text}' is not a TCP port: give a whole number from 1 to 65535");
        return port;
    }

    /// <summary>A comma-separated list option; empty when absent.</summary>
    public IReadOnlyList<string> List(string name) =>
        Text(name)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>Fails on any option that no part of the command asked for.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new UsageException($"unknown option --{unknown[0]} for '{Command}': see README.md for the parameters");
    }

    private static string Pascal(string name) =>
        string.Concat(name.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}
