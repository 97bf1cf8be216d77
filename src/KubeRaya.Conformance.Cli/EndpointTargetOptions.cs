using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KubeRaya.Conformance.Targets;

namespace KubeRaya.Conformance.Cli;

/// <summary>The endpoint target's options, validated: an address, ports, host names and a CA bundle.</summary>
public static class EndpointTargetOptions
{
    /// <summary>Reads and checks -Address, -HttpPort, -HttpsPort, -Hosts and -CaBundle.</summary>
    public static (string Address, int HttpPort, int HttpsPort, IReadOnlyList<string> Hosts, string CaBundle) Read(Arguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var address = arguments.Required("address", "the ingress address");
        if (!IPAddress.TryParse(address, out _))
            throw new UsageException($"-Address '{address}' is not an IP address: give the ingress's address, e.g. 203.0.113.10 (host names go in -Hosts)");
        var httpPort = arguments.Port("http-port", 80);
        var httpsPort = arguments.Port("https-port", 443);
        if (httpPort == httpsPort)
            throw new UsageException($"-HttpPort and -HttpsPort are both {httpPort}: give the plain HTTP and the HTTPS port of the ingress");
        var hosts = arguments.List("hosts");
        if (hosts.Count == 0)
            throw new UsageException("missing public host names: give -Hosts a.example.com,b.example.com");
        foreach (var host in hosts)
        {
            var problem = HostNames.Problem(host);
            if (problem is not null) throw new UsageException($"-Hosts entry '{host}' {problem}");
        }
        if (hosts.Distinct(StringComparer.OrdinalIgnoreCase).Count() != hosts.Count)
            throw new UsageException("-Hosts names a host twice: name each host once");
        var caBundle = Path.GetFullPath(arguments.Required("ca-bundle", "the CA bundle the served certificates must chain to"));
        CheckCaBundle(caBundle);
        return (address, httpPort, httpsPort, hosts, caBundle);
    }

    /// <summary>Throws a usage error unless the file holds at least one PEM certificate.</summary>
    public static X509Certificate2Collection CheckCaBundle(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"-CaBundle '{path}' cannot be read ({e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)}): give a readable PEM file of CA certificates");
        }
        var bundle = new X509Certificate2Collection();
        try
        {
            bundle.ImportFromPem(text);
        }
        catch (CryptographicException)
        {
            throw new UsageException($"-CaBundle '{path}' holds a CERTIFICATE block that does not parse: give a PEM file of CA certificates");
        }
        if (bundle.Count == 0)
            throw new UsageException($"-CaBundle '{path}' holds no PEM certificate (-----BEGIN CERTIFICATE-----): give a PEM file of CA certificates");
        return bundle;
    }
}
