namespace KubeRaya.Conformance.Polling;

/// <summary>
/// Every timeout the harness uses, each with a name and a default. Override one with
/// the environment variable <c>KR_TIMEOUT_&lt;NAME&gt;</c> in seconds (name upper-case, '-' as '_'),
/// e.g. <c>KR_TIMEOUT_INGRESS_READY=120</c>.
/// </summary>
public sealed record Timeouts
{
    /// <summary>TCP connect.</summary>
    public NamedTimeout Connect { get; init; } = Named("connect", 5);
    /// <summary>TLS handshake after connect.</summary>
    public NamedTimeout Handshake { get; init; } = Named("handshake", 5);
    /// <summary>One whole HTTP request, headers and bounded body.</summary>
    public NamedTimeout Request { get; init; } = Named("request", 10);
    /// <summary>Waiting for an answer to a raw ClientHello.</summary>
    public NamedTimeout RawHello { get; init; } = Named("raw-hello", 5);
    /// <summary>A deployed app answering through the ingress.</summary>
    public NamedTimeout IngressReady { get; init; } = Named("ingress-ready", 60);
    /// <summary>Pods of a Deployment running.</summary>
    public NamedTimeout PodsReady { get; init; } = Named("pods-ready", 60);
    /// <summary>A replaced certificate being served.</summary>
    public NamedTimeout Rotation { get; init; } = Named("rotation", 60);
    /// <summary>A browser navigation.</summary>
    public NamedTimeout Browser { get; init; } = Named("browser", 30);
    /// <summary>Deleting what a scenario created.</summary>
    public NamedTimeout Cleanup { get; init; } = Named("cleanup", 30);
    /// <summary>One local administrative command (ip, nginx -t) of the reference platform.</summary>
    public NamedTimeout Command { get; init; } = Named("command", 15);
    /// <summary>The reference controller's nginx serving a newly rendered configuration after reload.</summary>
    public NamedTimeout Converge { get; init; } = Named("converge", 10);
    /// <summary>One whole run of the suite during calibration (a run past it is stopped and counts as missed).</summary>
    public NamedTimeout CalibrationRun { get; init; } = Named("calibration-run", 900);

    /// <summary>Creating a throwaway cluster (kind create cluster, a K3s container up).</summary>
    public NamedTimeout ClusterCreate { get; init; } = Named("cluster-create", 600);
    /// <summary>An installed ingress controller becoming ready: its pod Ready and its admission webhook answering.</summary>
    public NamedTimeout ControllerReady { get; init; } = Named("controller-ready", 300);
    /// <summary>One external tool command of a cluster target (kubectl, helm, docker, kind other than create) or one download.</summary>
    public NamedTimeout Tool { get; init; } = Named("tool", 180);

    /// <summary>The defaults, with any KR_TIMEOUT_* overrides from the environment applied.</summary>
    public static Timeouts FromEnvironment() => new();

    private static NamedTimeout Named(string name, double defaultSeconds)
    {
        var variable = "KR_TIMEOUT_" + name.ToUpperInvariant().Replace('-', '_');
        var text = Environment.GetEnvironmentVariable(variable);
        var seconds = double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0
            ? s
            : defaultSeconds;
        return new NamedTimeout(name, TimeSpan.FromSeconds(seconds));
    }
}
