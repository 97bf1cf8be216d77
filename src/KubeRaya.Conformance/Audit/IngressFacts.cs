using k8s.Models;

namespace KubeRaya.Conformance.Audit;

/// <summary>What the judges read out of an Ingress's spec, tolerating every optional field being absent.</summary>
internal static class IngressFacts
{
    /// <summary>A path an Ingress routes: its host ("" for a rule without one), path ("/" when empty) and backend Service.</summary>
    public readonly record struct Route(int RuleIndex, string Host, string Path, string? ServiceName);

    /// <summary>A <c>spec.tls</c> entry with its index.</summary>
    public readonly record struct TlsEntry(int Index, IReadOnlyList<string> Hosts, string? SecretName);

    /// <summary>spec.rules, never null.</summary>
    public static IList<V1IngressRule> Rules(V1Ingress ingress) => ingress.Spec?.Rules ?? [];

    /// <summary>The distinct non-empty rule hosts, in order.</summary>
    public static IReadOnlyList<string> Hosts(V1Ingress ingress) =>
        Rules(ingress).Select(r => r.Host).Where(h => !string.IsNullOrEmpty(h)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Every path of every rule; a rule without paths routes nothing and yields none.</summary>
    public static IEnumerable<Route> Routes(V1Ingress ingress) =>
        Rules(ingress).SelectMany((rule, index) => (rule.Http?.Paths ?? []).Select(path =>
            new Route(index, rule.Host ?? "", string.IsNullOrEmpty(path.Path) ? "/" : path.Path, path.Backend?.Service?.Name)));

    /// <summary>spec.tls with indexes.</summary>
    public static IEnumerable<TlsEntry> Tls(V1Ingress ingress) =>
        (ingress.Spec?.Tls ?? []).Select((tls, index) => new TlsEntry(index, tls.Hosts?.ToList() ?? [], tls.SecretName));

    /// <summary>How a host reads in a verdict: the name, or "(any host)" for a rule without one.</summary>
    public static string Describe(string host) => host.Length == 0 ? "(any host)" : host;
}
