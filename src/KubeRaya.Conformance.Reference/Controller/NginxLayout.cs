namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>Where one nginx instance keeps its files, all inside the platform's private temp directory.</summary>
/// <param name="Prefix">nginx's prefix (-p).</param>
public sealed record NginxLayout(string Prefix)
{
    /// <summary>The configuration nginx runs.</summary>
    public string ConfigPath => Path.Combine(Prefix, "nginx.conf");

    /// <summary>Where a candidate configuration is written and tested before it replaces the running one.</summary>
    public string CandidatePath => Path.Combine(Prefix, "nginx.conf.next");

    /// <summary>The master's pid file.</summary>
    public string PidPath => Path.Combine(Prefix, "nginx.pid");

    /// <summary>The error log.</summary>
    public string ErrorLogPath => Path.Combine(Prefix, "error.log");

    /// <summary>The access log.</summary>
    public string AccessLogPath => Path.Combine(Prefix, "access.log");

    /// <summary>The process output (before nginx opens its own logs).</summary>
    public string OutputLogPath => Path.Combine(Prefix, "output.log");

    /// <summary>Where nginx buffers bodies.</summary>
    public string TempPath => Path.Combine(Prefix, "temp");
}
