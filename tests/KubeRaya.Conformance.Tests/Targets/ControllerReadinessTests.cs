using FluentAssertions;
using k8s;
using k8s.Models;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Targets;
using Xunit;

namespace KubeRaya.Conformance.Tests.Targets;

/// <summary>The controller readiness wait of the kind and k3s targets, driven against the reference API server.</summary>
public sealed class ControllerReadinessTests
{
    private static readonly NamedTimeout Short = new("controller-ready", TimeSpan.FromSeconds(2.5));

    private static ControllerPin Pin(bool webhook = true, string ingressClass = "nginx") => new()
    {
        Name = "ingress-nginx",
        Version = "v1.15.1",
        Install = "manifest",
        Url = "https://example.test/deploy.yaml",
        Sha256 = ControllerPin.Unverified,
        Namespace = "ingress-nginx",
        IngressClass = ingressClass,
        ControllerPods = "app.kubernetes.io/component=controller",
        AdmissionWebhook = webhook,
    };

    [Fact]
    public async Task A_controller_without_pods_is_not_ready_and_the_failure_says_no_pod_matches()
    {
        await using var api = await ScratchApi.StartAsync();
        await CreateNamespaceAsync(api.Client);

        var failure = await FluentActions.Awaiting(() => ControllerReadiness.WaitAsync(api.Client, Pin(), Short, CancellationToken.None)).Should().ThrowAsync<ClusterConnectionException>();

        failure.Which.Message.Should().Be("the ingress-nginx v1.15.1 controller was not ready after the controller-ready timeout (2.5 s): no pod matches app.kubernetes.io/component=controller in namespace ingress-nginx");
        failure.Which.IsConfigurationError.Should().BeFalse("a controller that is not ready makes the run incomplete (exit 3)");
    }

    [Fact]
    public async Task A_running_pod_that_is_not_ready_is_not_enough()
    {
        await using var api = await ScratchApi.StartAsync();
        await CreateNamespaceAsync(api.Client);
        Controller(api, "controller-1", ready: false);

        var failure = await FluentActions.Awaiting(() => ControllerReadiness.WaitAsync(api.Client, Pin(), Short, CancellationToken.None)).Should().ThrowAsync<ClusterConnectionException>();

        failure.Which.Message.Should().EndWith("pod controller-1 is Running, Ready=False (ContainerCreating)");
    }

    [Fact]
    public async Task A_ready_pod_whose_admission_refuses_the_dry_run_ingress_is_not_ready()
    {
        await using var api = await ScratchApi.StartAsync();
        await CreateNamespaceAsync(api.Client);
        Controller(api, "controller-1", ready: true);

        // The reference API refuses an Ingress whose class is not a valid name, as a webhook that is not up yet refuses any.
        var failure = await FluentActions.Awaiting(() => ControllerReadiness.WaitAsync(api.Client, Pin(ingressClass: "Not_A_Name"), Short, CancellationToken.None)).Should().ThrowAsync<ClusterConnectionException>();

        failure.Which.Message.Should().StartWith("the ingress-nginx v1.15.1 admission webhook did not admit a dry-run Ingress after the controller-ready timeout (2.5 s) (last answer: 422");
    }

    [Fact]
    public async Task A_ready_pod_with_an_admitting_webhook_is_ready_and_the_dry_run_stores_nothing()
    {
        await using var api = await ScratchApi.StartAsync();
        await CreateNamespaceAsync(api.Client);
        Controller(api, "controller-1", ready: true);

        var observed = await ControllerReadiness.WaitAsync(api.Client, Pin(), Short, CancellationToken.None);

        observed.Should().Be(new ControllerObservation(1, "registry.k8s.io/ingress-nginx/controller:v1.15.1", "admission webhook answering (dry-run Ingress admitted)"));
        (await api.Client.NetworkingV1.ListNamespacedIngressAsync("ingress-nginx")).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task The_wait_notices_a_pod_becoming_ready_while_it_polls()
    {
        await using var api = await ScratchApi.StartAsync();
        await CreateNamespaceAsync(api.Client);
        Controller(api, "controller-1", ready: false);

        var waiting = ControllerReadiness.WaitAsync(api.Client, Pin(webhook: false), new NamedTimeout("controller-ready", TimeSpan.FromSeconds(20)), CancellationToken.None);
        await Task.Delay(1200);
        waiting.IsCompleted.Should().BeFalse();
        Controller(api, "controller-1", ready: true);

        (await waiting).Admission.Should().Be("no admission webhook");
    }

    private static Task CreateNamespaceAsync(IKubernetes client) =>
        client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "ingress-nginx" } });

    private static void Controller(ScratchApi api, string name, bool ready) =>
        api.Store.Upsert(new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = "ingress-nginx",
                Labels = new Dictionary<string, string> { ["app.kubernetes.io/component"] = "controller" },
            },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "controller", Image = "registry.k8s.io/ingress-nginx/controller:v1.15.1" }] },
            Status = new V1PodStatus
            {
                Phase = "Running",
                Conditions = [new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False" }],
                ContainerStatuses = [new V1ContainerStatus { Name = "controller", Image = "registry.k8s.io/ingress-nginx/controller:v1.15.1", Ready = ready, RestartCount = 0, ImageID = "", State = ready ? new V1ContainerState { Running = new V1ContainerStateRunning() } : new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "ContainerCreating" } } }],
            },
        }.Initialize());
}
