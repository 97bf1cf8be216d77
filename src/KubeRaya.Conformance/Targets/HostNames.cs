using System.Net;

namespace KubeRaya.Conformance.Targets;

/// <summary>Checks that a public host name given to the harness is a plain DNS name it can present as SNI and Host.</summary>
public static class HostNames
{
    /// <summary>Null when the name is acceptable, otherwise why it is not (one clause).</summary>
    public static string? Problem(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.Length == 0) return "is empty";
        if (host.Any(char.IsWhiteSpace)) return "contains white space; a host name has none (separate several hosts with commas)";
        if (host.Contains('*', StringComparison.Ordinal)) return "is a wildcard; name concrete hosts, e.g. app.example.com";
        if (IPAddress.TryParse(host, out _)) return "is an IP address; name the host that the ingress routes (the address goes in -Address)";
        if (host.Contains(':', StringComparison.Ordinal) || host.Contains('/', StringComparison.Ordinal)) return "is not a bare host name (no scheme, port or path)";
        var name = host.TrimEnd('.');
        if (name.Length > 253) return "is longer than 253 characters";
        var labels = name.Split('.');
        if (labels.Length < 2) return "has a single label; give a fully qualified name such as app.example.com";
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63) return $"has a label of {label.Length} characters (1 to 63 allowed)";
            if (label[0] == '-' || label[^1] == '-') return $"has label '{label}' that starts or ends with '-'";
            if (!label.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'))
                return $"has label '{label}' with characters outside a-z, 0-9 and '-' (give IDNs in their xn-- form)";
        }
        return null;
    }
}
