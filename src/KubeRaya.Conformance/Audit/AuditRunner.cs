using k8s;
using KubeRaya.Conformance.Controls;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// The audit: loads Kubernetes objects (manifests or a live cluster), runs every audit-mode judge over them, and
/// returns all verdicts. Every audit-mode control gets at least one verdict: a control with nothing to judge is
/// skipped with the reason, and input that could not be read leaves every control undecided at its location.
/// </summary>
public sealed class AuditRunner
{
    private readonly AuditOptions options;

    /// <summary>An audit with the given settings (defaults when null).</summary>
    public AuditRunner(AuditOptions? options = null)
    {
        this.options = options ?? new AuditOptions();
        Judges = JudgesFor(this.options);
    }

    /// <summary>The judges run, one or more per audit-mode control.</summary>
    public IReadOnlyList<IObjectJudge> Judges { get; }

    /// <summary>Every judge of the audit mode, configured by the options.</summary>
    public static IReadOnlyList<IObjectJudge> JudgesFor(AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            new TlsCoverageJudge(),
            new CertificateHostJudge(),
            CertificateLeafJudge.ValidityWindow(options.Now),
            CertificateLeafJudge.RenewalHeadroom(options.Now, options.RenewalWindowDays),
            CertificateLeafJudge.KeyStrength(),
            new TlsSecretJudge(),
            new EmbeddedPemJudge(),
            new CatchAllRuleJudge(),
            new HostPathClaimJudge(),
            new BackendServiceJudge(),
            new HostNetworkJudge(options.SystemNamespaces),
        ];
    }

    /// <summary>Audits manifests: files, directories, or <c>-</c> for standard input.</summary>
    /// <exception cref="AuditInputException">A path does not exist or cannot be read.</exception>
    public async Task<IReadOnlyList<Verdict>> AuditManifestsAsync(IEnumerable<string> paths, CancellationToken cancellationToken, TextReader? standardInput = null)
    {
        var objects = await new ManifestLoader(options.DefaultNamespace, standardInput).LoadAsync(paths, cancellationToken).ConfigureAwait(false);
        return Judge(objects);
    }

    /// <summary>Audits a live cluster: one namespace, or all when <paramref name="namespaceName"/> is null.</summary>
    public async Task<IReadOnlyList<Verdict>> AuditClusterAsync(IKubernetes client, string? namespaceName, CancellationToken cancellationToken)
    {
        var objects = await new LiveObjectReader(client).ReadAsync(namespaceName, cancellationToken).ConfigureAwait(false);
        return Judge(objects);
    }

    /// <summary>Judges a set of objects already at hand (deploy mode uses this on the objects it created).</summary>
    public IReadOnlyList<Verdict> Judge(ObjectSet objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var verdicts = Judges.AsParallel().AsOrdered().SelectMany(judge => judge.Judge(objects).ToList()).ToList();
        var audited = ControlCatalogue.InMode(ControlModes.Audit).ToList();
        foreach (var problem in objects.Problems)
        {
            verdicts.AddRange(audited.Select(control =>
                Verdict.Undecided(control.Id, problem.Where, control.Decision,
                        $"{problem.Where}: {problem.Message}; what it declares was not audited, so this control cannot be decided for it")
                    .WithFix(problem.Origin is null ? "grant the missing access and audit again" : "correct the document (render templates first) and audit again")
                    with { Location = problem.Origin?.ToString() }));
        }
        var decided = verdicts.Select(v => v.Control).ToHashSet(StringComparer.Ordinal);
        foreach (var control in audited.Where(c => !decided.Contains(c.Id)))
        {
            verdicts.Add(Verdict.Skip(control.Id, "(none)", control.Decision,
                $"skipped: nothing in the audited set falls under this control ({Counts(objects)})"));
        }
        return verdicts;
    }

    private static string Counts(ObjectSet objects) =>
        $"{objects.Ingresses.Count} Ingresses, {objects.Services.Count} Services, {objects.Secrets.Count} Secrets, "
        + $"{objects.ConfigMaps.Count} ConfigMaps, {objects.Workloads.Count} workloads";
}
