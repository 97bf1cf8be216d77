using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KubeRaya.Conformance.Targets;

/// <summary>
/// Loads and checks the controller pins in <c>fixtures/controllers/</c>: one YAML file per controller at the top,
/// the files a pin names (Helm values, manifests applied first) in a folder named after the controller.
/// </summary>
public static class ControllerPins
{
    /// <summary>The controller used when -Controller is not given. See README.md for why.</summary>
    public const string Default = "ingress-nginx";

    /// <summary>The pins folder of a checkout.</summary>
    public static string Directory(string repositoryRoot) => Path.Combine(repositoryRoot, "fixtures", "controllers");

    /// <summary>Every pin in <paramref name="directory"/>, by name.</summary>
    /// <exception cref="ClusterConnectionException">A pin file is malformed (a configuration error).</exception>
    public static IReadOnlyDictionary<string, ControllerPin> Load(string directory)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var pins = new Dictionary<string, ControllerPin>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            ControllerPin pin;
            try
            {
                pin = deserializer.Deserialize<ControllerPin>(File.ReadAllText(file));
            }
            catch (YamlException e)
            {
                throw new ClusterConnectionException($"controller pin {file} does not parse ({e.Message.Split('\n')[0]}): fix the file", true);
            }
            var problem = Problem(pin, directory);
            if (problem is not null) throw new ClusterConnectionException($"controller pin {file} {problem}: fix the file", true);
            pins[pin.Name] = pin;
        }
        return pins;
    }

    /// <summary>The pin named <paramref name="name"/> (the default when null).</summary>
    /// <exception cref="ClusterConnectionException">No such controller (a usage error).</exception>
    public static ControllerPin Get(string directory, string? name)
    {
        var pins = Load(directory);
        var wanted = name ?? Default;
        return pins.TryGetValue(wanted, out var pin)
            ? pin
            : throw new ClusterConnectionException($"unknown controller '{wanted}': use one of {string.Join(", ", pins.Keys)}", true);
    }

    /// <summary>Refuses a pin whose digest nobody has recorded, before anything is downloaded or created.</summary>
    /// <exception cref="ClusterConnectionException">The pin is unverified (a configuration error, exit 2).</exception>
    public static void RequireVerified(ControllerPin pin, string directory)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (!pin.IsVerified)
            throw new ClusterConnectionException(
                $"controller pin {pin.Name} {pin.Version} has no verified SHA-256 (sha256: {pin.Sha256} in {Path.Combine(directory, pin.Name + ".yaml")}): download {pin.Url}, check it against the upstream release, and record its sha256sum there", true);
    }

    private static string? Problem(ControllerPin pin, string directory)
    {
        if (pin.Install is not ("manifest" or "helm-chart")) return $"has install '{pin.Install}' (manifest or helm-chart expected)";
        if (!Uri.TryCreate(pin.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps) return $"has url '{pin.Url}' that is not an https URL";
        if (!pin.IsVerified && pin.Sha256 != ControllerPin.Unverified) return $"has sha256 '{pin.Sha256}' (64 hex digits or '{ControllerPin.Unverified}' expected)";
        if (pin.Install == "helm-chart" && (pin.ChartVersion is null || pin.Values is null)) return "is a helm-chart pin without chartVersion and values";
        foreach (var file in pin.Before.Concat(pin.Values is null ? [] : [pin.Values]))
            if (!File.Exists(Path.Combine(directory, file))) return $"names {file}, which is not beside it";
        return null;
    }
}
