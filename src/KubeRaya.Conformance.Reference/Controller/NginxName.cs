using System.Security.Cryptography;
using System.Text;

namespace KubeRaya.Conformance.Reference.Controller;

/// <summary>Names for nginx upstreams and zones: readable parts made safe ([a-z0-9_]) plus a short hash of the originals, so no two inputs collide.</summary>
public static class NginxName
{
    /// <summary>Joins the parts into one safe, unique name.</summary>
    public static string Of(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var readable = string.Join('_', parts.Select(p => new string([.. p.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')])));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', parts))))[..8];
        return readable + "_" + hash;
    }
}
