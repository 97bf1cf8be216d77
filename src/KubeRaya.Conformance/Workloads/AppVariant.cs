namespace KubeRaya.Conformance.Workloads;

/// <summary>The shapes of sample app the deploy-mode scenarios need.</summary>
public enum AppVariant
{
    /// <summary>One host per app, path "/" Prefix, TLS from the run's CA.</summary>
    Standard,
    /// <summary>Declares only /app and /health (Prefix), so that other paths must not reach it.</summary>
    DeclaredPaths,
    /// <summary>Requires basic authentication at the ingress (ingress-nginx annotations).</summary>
    BasicAuth,
    /// <summary>Limits requests per second at the ingress (ingress-nginx annotations).</summary>
    RateLimited,
}
