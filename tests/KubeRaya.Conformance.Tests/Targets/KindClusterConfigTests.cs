using FluentAssertions;
using KubeRaya.Conformance.Targets;
using Xunit;

namespace KubeRaya.Conformance.Tests.Targets;

/// <summary>kind-config/ against the fields of kind's v1alpha4 Cluster and what the harness needs of it.</summary>
public sealed class KindClusterConfigTests
{
    private const string Valid = """
        kind: Cluster
        apiVersion: kind.x-k8s.io/v1alpha4
        nodes:
          - role: control-plane
            labels: {ingress-ready: "true"}
            extraPortMappings:
              - {containerPort: 80, hostPort: 80, listenAddress: 127.0.0.1, protocol: TCP}
              - {containerPort: 443, hostPort: 443, listenAddress: 127.0.0.1}
          - role: worker
        """;

    [Fact]
    public void The_shipped_kind_config_is_valid_and_pins_a_node_image_by_digest()
    {
        var text = File.ReadAllText(RepositoryFiles.KindConfig);

        KindClusterConfig.Problems(text).Should().BeEmpty();
        KindClusterConfig.NodeImage(text).Should().MatchRegex(@"^kindest/node:v1\.\d+\.\d+@sha256:[0-9a-f]{64}$");
    }

    [Fact]
    public void A_minimal_valid_config_has_no_problems() => KindClusterConfig.Problems(Valid).Should().BeEmpty();

    [Theory]
    [InlineData("apiVersion: kind.x-k8s.io/v1alpha4", "apiVersion: kind.x-k8s.io/v1alpha3", "apiVersion is 'kind.x-k8s.io/v1alpha3', expected 'kind.x-k8s.io/v1alpha4'")]
    [InlineData("kind: Cluster", "kind: Config", "kind is 'Config', expected 'Cluster'")]
    [InlineData("  - role: worker", "  - role: master", "nodes[1].role is 'master', expected control-plane or worker")]
    [InlineData("    labels: {ingress-ready: \"true\"}", "    label: {ingress-ready: \"true\"}", "nodes[0].label is not a field of kind's kind.x-k8s.io/v1alpha4 config (kind rejects unknown fields)")]
    [InlineData("listenAddress: 127.0.0.1, protocol: TCP}", "listenAddress: 0.0.0.0, protocol: TCP}", "the ingress-ready node does not map containerPort 80 to hostPort 80 on listenAddress 127.0.0.1 (TCP)")]
    [InlineData("{containerPort: 443, hostPort: 443, listenAddress: 127.0.0.1}", "{containerPort: 443, hostPort: 8443, listenAddress: 127.0.0.1}", "the ingress-ready node does not map containerPort 443 to hostPort 443 on listenAddress 127.0.0.1 (TCP)")]
    [InlineData("protocol: TCP}", "protocol: tcp}", "nodes[0].extraPortMappings[0].protocol is 'tcp', expected TCP, UDP or SCTP")]
    [InlineData("nodes:", "networking: {apiServerAdress: 127.0.0.1}\nnodes:", "networking.apiServerAdress is not a field of kind's kind.x-k8s.io/v1alpha4 config (kind rejects unknown fields)")]
    public void Each_departure_from_the_schema_or_the_harness_needs_is_named(string from, string to, string problem) =>
        KindClusterConfig.Problems(Valid.Replace(from, to, StringComparison.Ordinal)).Should().Contain(problem);

    [Fact]
    public void The_ingress_ready_label_must_be_on_exactly_one_control_plane_node()
    {
        KindClusterConfig.Problems(Valid.Replace("    labels: {ingress-ready: \"true\"}\n", "", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().StartWith("0 control-plane nodes are labelled ingress-ready=true");
        KindClusterConfig.Problems(Valid.Replace("  - role: worker", "  - role: control-plane\n    labels: {ingress-ready: \"true\"}", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().StartWith("2 control-plane nodes are labelled ingress-ready=true");
    }

    [Fact]
    public void Text_that_is_not_yaml_is_one_problem() =>
        KindClusterConfig.Problems("kind: [unclosed").Should().ContainSingle().Which.Should().StartWith("the file does not parse as YAML");
}
