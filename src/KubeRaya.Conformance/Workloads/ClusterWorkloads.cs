using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using KubeRaya.Conformance.Pki;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Workloads;

/// <summary>
/// Deploys sample apps into a cluster (namespace, TLS Secret, Deployment, ClusterIP Service, Ingress, all
/// labelled with the run), waits for them with bounded polls, replaces their certificates, and deletes
/// exactly the namespaces this run created.
/// </summary>
public sealed class ClusterWorkloads(IKubernetes client, string runId, Timeouts timeouts, string? ingressAddressOverride)
{
    /// <summary>The client.</summary>
    public IKubernetes Client => client;

    /// <summary>Creates the app and waits until its pods are ready and its Ingress has an address.</summary>
    public async Task<DeployedApp> DeployAsync(SampleAppSpec spec, IssuedCertificate certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(certificate);
        await client.CoreV1.CreateNamespaceAsync(SampleAppManifests.Namespace(spec, runId), cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.CoreV1.CreateNamespacedSecretAsync(SampleAppManifests.TlsSecret(spec, runId, certificate.ChainPem(), certificate.PrivateKeyPem()), spec.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var (name, data) in spec.ExtraSecrets)
            await client.CoreV1.CreateNamespacedSecretAsync(SampleAppManifests.OpaqueSecret(spec, runId, name, data), spec.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.AppsV1.CreateNamespacedDeploymentAsync(SampleAppManifests.Deployment(spec, runId), spec.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.CoreV1.CreateNamespacedServiceAsync(SampleAppManifests.Service(spec, runId), spec.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.NetworkingV1.CreateNamespacedIngressAsync(SampleAppManifests.Ingress(spec, runId), spec.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);

        var pods = await BoundedPoll.UntilAsync(
            ct => client.AppsV1.ReadNamespacedDeploymentStatusAsync(spec.Name, spec.Namespace, cancellationToken: ct),
            d => (d.Status?.ReadyReplicas ?? 0) >= spec.Replicas,
            timeouts.PodsReady, cancellationToken, interval: TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
        if (!pods.Satisfied)
            throw new WorkloadNotReadyException($"Deployment {spec.Namespace}/{spec.Name} had {pods.Last?.Status?.ReadyReplicas ?? 0} of {spec.Replicas} pods ready after the {pods.Timeout}");

        var address = ingressAddressOverride ?? await IngressAddressAsync(spec, cancellationToken).ConfigureAwait(false);
        return new DeployedApp(spec, certificate, address);
    }

    /// <summary>Replaces the certificate and key in the app's TLS Secret.</summary>
    public async Task ReplaceCertificateAsync(SampleAppSpec spec, IssuedCertificate certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(certificate);
        var secret = await client.CoreV1.ReadNamespacedSecretAsync(spec.TlsSecretName, spec.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        secret.Data["tls.crt"] = System.Text.Encoding.ASCII.GetBytes(certificate.ChainPem());
        secret.Data["tls.key"] = System.Text.Encoding.ASCII.GetBytes(certificate.PrivateKeyPem());
        await client.CoreV1.ReplaceNamespacedSecretAsync(secret, spec.TlsSecretName, spec.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes one namespace of this run (only if it carries this run's label).</summary>
    public async Task DeleteNamespaceAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var ns = await client.CoreV1.ReadNamespaceAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (ns.Metadata.Labels?.TryGetValue(RunLabels.Run, out var owner) != true || owner != runId) return;
            await client.CoreV1.DeleteNamespaceAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }

    /// <summary>Deletes every namespace carrying this run's label, and nothing else. Returns their names.</summary>
    public async Task<IReadOnlyList<string>> DeleteRunNamespacesAsync(CancellationToken cancellationToken)
    {
        var list = await client.CoreV1.ListNamespaceAsync(labelSelector: RunLabels.Selector(runId), cancellationToken: cancellationToken).ConfigureAwait(false);
        var names = list.Items.Select(n => n.Metadata.Name).ToList();
        foreach (var name in names) await DeleteNamespaceAsync(name, cancellationToken).ConfigureAwait(false);
        return names;
    }

    private async Task<string> IngressAddressAsync(SampleAppSpec spec, CancellationToken cancellationToken)
    {
        var status = await BoundedPoll.UntilAsync(
            ct => client.NetworkingV1.ReadNamespacedIngressStatusAsync(spec.Name, spec.Namespace, cancellationToken: ct),
            i => i.Status?.LoadBalancer?.Ingress?.Any(a => !string.IsNullOrEmpty(a.Ip) || !string.IsNullOrEmpty(a.Hostname)) == true,
            timeouts.IngressReady, cancellationToken, interval: TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
        if (!status.Satisfied)
            throw new WorkloadNotReadyException($"Ingress {spec.Namespace}/{spec.Name} got no address in status.loadBalancer after the {status.Timeout}: give -IngressAddress if the controller does not publish one");
        var entry = status.Last!.Status.LoadBalancer.Ingress.First(a => !string.IsNullOrEmpty(a.Ip) || !string.IsNullOrEmpty(a.Hostname));
        if (!string.IsNullOrEmpty(entry.Ip)) return entry.Ip;
        var addresses = await Dns.GetHostAddressesAsync(entry.Hostname, cancellationToken).ConfigureAwait(false);
        return addresses.FirstOrDefault()?.ToString()
            ?? throw new WorkloadNotReadyException($"Ingress {spec.Namespace}/{spec.Name} publishes host name '{entry.Hostname}', which does not resolve: give -IngressAddress");
    }
}
