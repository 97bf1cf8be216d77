using KubeRaya.Conformance.Polling;
using KubeRaya.Conformance.Reference.Faults;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>How to start a <see cref="ReferenceDataPlane"/>. Immutable.</summary>
public sealed record ReferenceDataPlaneOptions
{
    /// <summary>Where pods, Endpoints and Deployment and Ingress status are reported (the API server's store).</summary>
    public required IClusterStateSink Sink { get; init; }

    /// <summary>The faults switched on; none by default.</summary>
    public FaultSet Faults { get; init; } = FaultSet.None;

    /// <summary>The IngressClass this controller serves; Ingresses without a class are served when this class is the default.</summary>
    public string IngressClassName { get; init; } = "kuberaya-nginx";

    /// <summary>Named timeouts (pods-ready, converge, command, cleanup, …).</summary>
    public Timeouts Timeouts { get; init; } = Timeouts.FromEnvironment();

    /// <summary>The nginx binary (Debian's nginx-light).</summary>
    public string NginxPath { get; init; } = "/usr/sbin/nginx";

    /// <summary>The nginx stream module (Debian's libnginx-mod-stream): ClusterIP and NodePort proxying, TLS passthrough.</summary>
    public string StreamModulePath { get; init; } = "/usr/lib/nginx/modules/ngx_stream_module.so";

    /// <summary>The echo backend run as every pod.</summary>
    public string EchoAssemblyPath { get; init; } = Path.Combine(AppContext.BaseDirectory, "kuberaya-echo.dll");

    /// <summary>The environment variable naming a natively compiled echo backend (run-tests.ps1 builds one when it can).</summary>
    public const string EchoNativeVariable = "KR_ECHO_NATIVE";

    /// <summary>The same echo backend compiled ahead of time, run as every pod when present: it starts in a tenth of the
    /// CPU time, which matters with a dozen pods per run. Null (the default without <see cref="EchoNativeVariable"/>
    /// naming an existing file) runs <see cref="EchoAssemblyPath"/> with <see cref="DotnetPath"/>.</summary>
    public string? EchoNativePath { get; init; } =
        Environment.GetEnvironmentVariable(EchoNativeVariable) is { Length: > 0 } native && File.Exists(native) ? native : null;

    /// <summary>The dotnet host that runs the echo backend.</summary>
    public string DotnetPath { get; init; } = DefaultDotnet();

    /// <summary>The program and arguments that start one echo pod: the native build when there is one, else the JIT build.</summary>
    public (string File, IReadOnlyList<string> Arguments) EchoCommand(IReadOnlyList<string> echoArguments) =>
        EchoNativePath is { } native ? (native, echoArguments) : (DotnetPath, [EchoAssemblyPath, .. echoArguments]);

    private static string DefaultDotnet()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return "dotnet";
    }
}
