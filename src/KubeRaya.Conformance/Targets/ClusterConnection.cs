using k8s;
using k8s.Autorest;
using k8s.Exceptions;

namespace KubeRaya.Conformance.Targets;

/// <summary>A Kubernetes client for a kubeconfig and context, checked to answer before anything is created.</summary>
public sealed class ClusterConnection : IDisposable
{
    private ClusterConnection(IKubernetes client, string server, string context)
    {
        Client = client;
        Server = server;
        Context = context;
    }

    /// <summary>The client.</summary>
    public IKubernetes Client { get; }
    /// <summary>The API server URL.</summary>
    public string Server { get; }
    /// <summary>The context used.</summary>
    public string Context { get; }

    /// <summary>Loads the kubeconfig, selects the context and asks the API server for its version.</summary>
    /// <exception cref="ClusterConnectionException">Missing or malformed kubeconfig, unknown context or refused credentials
    /// (configuration errors), or an API server that does not answer.</exception>
    public static async Task<(ClusterConnection Connection, string KubernetesVersion)> OpenAsync(string kubeconfigPath, string? context, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!File.Exists(kubeconfigPath))
            throw new ClusterConnectionException($"kubeconfig '{kubeconfigPath}' does not exist: give -Kubeconfig the path of a readable kubeconfig", true);
        KubernetesClientConfiguration configuration;
        try
        {
            var file = await KubernetesClientConfiguration.LoadKubeConfigAsync(new FileInfo(kubeconfigPath)).ConfigureAwait(false);
            if (context is not null && file.Contexts?.Any(c => c.Name == context) != true)
                throw new ClusterConnectionException($"context '{context}' is not in kubeconfig '{kubeconfigPath}' (it has: {string.Join(", ", file.Contexts?.Select(c => c.Name) ?? [])}): give -Context one of those", true);
            configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(file, context);
        }
        catch (Exception e) when (e is KubeConfigException or YamlDotNet.Core.YamlException or ArgumentException or NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new ClusterConnectionException($"kubeconfig '{kubeconfigPath}' cannot be used ({FirstLine(e.Message)}): give a valid kubeconfig", true);
        }

        var client = new Kubernetes(configuration);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            var version = await client.Version.GetCodeAsync(bound.Token).ConfigureAwait(false);
            return (new ClusterConnection(client, configuration.Host, context ?? "(current)"), version.GitVersion);
        }
        catch (HttpOperationException e) when ((int)e.Response.StatusCode is 401 or 403)
        {
            client.Dispose();
            // The cluster was reached; what it refused is the input: a configuration error, like a missing context.
            throw new ClusterConnectionException($"the API server at {configuration.Host} refused the kubeconfig's credentials ({(int)e.Response.StatusCode}): renew the token or certificate in '{kubeconfigPath}'", true);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or HttpOperationException)
        {
            client.Dispose();
            if (cancellationToken.IsCancellationRequested) throw;
            throw new ClusterConnectionException($"the API server at {configuration.Host} did not answer within {timeout.TotalSeconds:0} s ({FirstLine(e.Message)}): check that the cluster is running and reachable", false);
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    /// <inheritdoc />
    public void Dispose() => Client.Dispose();
}
