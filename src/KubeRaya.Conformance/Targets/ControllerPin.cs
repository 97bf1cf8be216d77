namespace KubeRaya.Conformance.Targets;

/// <summary>
/// One pinned ingress controller, as recorded in <c>fixtures/controllers/NAME.yaml</c>: which release, where its
/// upstream project publishes the manifest or chart for it, the SHA-256 the download must have, and how to tell
/// that it is ready on a cluster.
/// </summary>
public sealed record ControllerPin
{
    /// <summary>The value of <see cref="Sha256"/> while nobody has checked the published file yet.</summary>
    public const string Unverified = "unverified";

    /// <summary>The controller's name, as given to -Controller (ingress-nginx, traefik).</summary>
    public required string Name { get; init; }
    /// <summary>The controller release, e.g. v1.15.1.</summary>
    public required string Version { get; init; }
    /// <summary>How to install: <c>manifest</c> (kubectl apply of the downloaded file) or <c>helm-chart</c> (helm install of the downloaded chart).</summary>
    public required string Install { get; init; }
    /// <summary>The upstream URL of the manifest or chart archive, downloaded at run time.</summary>
    public required string Url { get; init; }
    /// <summary>The SHA-256 (hex) the downloaded file must have, or <see cref="Unverified"/>.</summary>
    public required string Sha256 { get; init; }
    /// <summary>Where the upstream project documents this release.</summary>
    public string? Source { get; init; }
    /// <summary>The project's maintenance status, e.g. that it was retired upstream.</summary>
    public string? Status { get; init; }
    /// <summary>The controller image the manifest or chart runs, with its published digest where known.</summary>
    public string? Image { get; init; }
    /// <summary>The Helm chart version, for <c>helm-chart</c> pins.</summary>
    public string? ChartVersion { get; init; }
    /// <summary>The namespace the controller runs in.</summary>
    public required string Namespace { get; init; }
    /// <summary>The IngressClass it serves; the suite's Ingresses name it.</summary>
    public required string IngressClass { get; init; }
    /// <summary>Label selector of the controller's pods.</summary>
    public required string ControllerPods { get; init; }
    /// <summary>True when the controller validates Ingresses with an admission webhook (which must answer before the first Ingress).</summary>
    public bool AdmissionWebhook { get; init; }
    /// <summary>Helm values file beside the pin, for <c>helm-chart</c> pins.</summary>
    public string? Values { get; init; }
    /// <summary>Manifests beside the pin applied before the controller (e.g. its namespace and configuration).</summary>
    public List<string> Before { get; init; } = [];

    /// <summary>True when <see cref="Sha256"/> is a checked digest.</summary>
    public bool IsVerified => Sha256.Length == 64 && Sha256.All(Uri.IsHexDigit);

    /// <summary>The file name the download is saved under.</summary>
    public string DownloadFileName => Install == "helm-chart" ? $"{Name}-{ChartVersion ?? Version}.tgz" : $"{Name}-{Version}.yaml";

    /// <summary>"ingress-nginx v1.15.1" or "traefik v3.7.13 (chart 41.5.0)".</summary>
    public string Description => ChartVersion is null ? $"{Name} {Version}" : $"{Name} {Version} (chart {ChartVersion})";
}
