using System.Text;
using k8s;
using k8s.KubeConfigModels;

namespace KubeRaya.Conformance.Reference.Api;

/// <summary>
/// Writes the kubeconfig of a reference API server (cluster <c>https://127.0.0.1:port</c> with its
/// <c>certificate-authority-data</c>, a user with its bearer token, context <c>kuberaya-reference</c>)
/// that KubernetesClient and kubectl consume like any other.
/// </summary>
public static class KubeconfigWriter
{
    /// <summary>The name of the cluster, user and context.</summary>
    public const string ContextName = "kuberaya-reference";

    /// <summary>The kubeconfig as the KubernetesClient model, e.g. for <c>KubernetesClientConfiguration.BuildConfigFromConfigObject</c>.</summary>
    public static K8SConfiguration Build(ApiServerEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new K8SConfiguration
        {
            ApiVersion = "v1",
            Kind = "Config",
            CurrentContext = ContextName,
            Clusters =
            [
                new Cluster
                {
                    Name = ContextName,
                    ClusterEndpoint = new ClusterEndpoint
                    {
                        Server = endpoint.Server.GetLeftPart(UriPartial.Authority),
                        CertificateAuthorityData = Convert.ToBase64String(Encoding.ASCII.GetBytes(endpoint.CertificateAuthorityPem)),
                    },
                },
            ],
            Users = [new User { Name = ContextName, UserCredentials = new UserCredentials { Token = endpoint.Token } }],
            Contexts = [new Context { Name = ContextName, ContextDetails = new ContextDetails { Cluster = ContextName, User = ContextName } }],
        };
    }

    /// <summary>Writes the kubeconfig to <paramref name="path"/>, readable by the owner only (it holds a credential).</summary>
    /// <returns>The path written.</returns>
    public static string Write(ApiServerEndpoint endpoint, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = KubernetesYaml.Serialize(Build(endpoint));
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = ownerOnly;
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.Write(text);
        }

        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, ownerOnly);
        return path;
    }
}
