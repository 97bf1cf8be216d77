using Xunit;

// Scenarios run one at a time: a deploy-mode scenario changes the ingress (and nginx-based controllers reload),
// which must never disturb another scenario's observation. Every verdict then reflects only its own scenario.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
// Features run by name, the browser's last (see BrowserLastOrder).
[assembly: TestCollectionOrderer("KubeRaya.Conformance.Steps.Support.BrowserLastOrder", "KubeRaya.Conformance.Steps")]
