using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Runs;

namespace KubeRaya.Conformance.Cli;

/// <summary>The black-box endpoint target: nothing to set up, nothing to clean up.</summary>
public sealed class EndpointSession : ITargetSession
{
    private EndpointSession(RunConfiguration configuration, IReadOnlyDictionary<string, string> environment)
    {
        Configuration = configuration;
        Environment = environment;
    }

    /// <inheritdoc />
    public RunConfiguration Configuration { get; }
    /// <inheritdoc />
    public ControlModes Modes => ControlModes.Endpoint;
    /// <inheritdoc />
    public IReadOnlyList<string> JudgedHosts => Configuration.Hosts;
    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Validates the options and checks that something listens, and answers, at the address.</summary>
    public static async Task<ITargetSession> OpenAsync(Arguments arguments, string runId, string reportDirectory, CancellationToken cancellationToken)
    {
        var (address, httpPort, httpsPort, hosts, caBundle) = EndpointTargetOptions.Read(arguments);
        var renewal = arguments.Text("renewal-days");
        var renewalDays = 30;
        if (renewal is not null && (!int.TryParse(renewal, out renewalDays) || renewalDays < 0))
            throw new UsageException($"-RenewalDays '{renewal}' is not a number of days: give a whole number such as 30");
        arguments.RejectUnknown();
        await EndpointPreflight.RequireAnAnswerAsync(address, httpPort, httpsPort, hosts[0], Timeouts.FromEnvironment(), cancellationToken).ConfigureAwait(false);
        var configuration = new RunConfiguration
        {
            RunId = runId,
            Target = "endpoint",
            Address = address,
            HttpPort = httpPort,
            HttpsPort = httpsPort,
            Hosts = hosts,
            CaBundlePath = caBundle,
            ReportDirectory = reportDirectory,
            RenewalWindowDays = renewalDays,
        };
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["target"] = "endpoint (black-box probe of a live address; no cluster access)",
            ["address"] = address,
            ["ports"] = $"http {httpPort}, https {httpsPort}",
            ["hosts"] = string.Join(", ", hosts),
            ["caBundle"] = caBundle,
        };
        return new EndpointSession(configuration, environment);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
