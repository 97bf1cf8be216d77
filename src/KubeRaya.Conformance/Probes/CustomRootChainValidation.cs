using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KubeRaya.Conformance.Evidence;

namespace KubeRaya.Conformance.Probes;

/// <summary>
/// Builds a served chain against the run's CA bundle only: custom root trust, no system roots, no
/// certificate downloads (AIA), no revocation fetching, and only the served certificates as
/// intermediates. Only the bundle's self-signed certificates are trust anchors: an intermediate that
/// happens to be in the bundle must not stand in for one the server failed to send. A missing
/// intermediate therefore shows as a partial chain, as it would for a client that does not repair chains.
/// The platform may still complete a chain from certificates it cached locally (on Linux, .NET keeps
/// intermediates any client of this user downloaded); a built chain that uses a certificate which was
/// neither served nor a bundle root is therefore reported as "NotServed" and not trusted.
/// </summary>
public static class CustomRootChainValidation
{
    /// <summary>Validates <paramref name="served"/> (leaf first, as sent) against <paramref name="roots"/>.</summary>
    /// <param name="served">The certificates the server sent, leaf first.</param>
    /// <param name="roots">The run's CA bundle; its self-signed certificates are the trust anchors.</param>
    /// <param name="at">The verification time; now by default.</param>
    /// <returns>Each problem reads "&lt;X509ChainStatusFlags name&gt;: &lt;what the platform says&gt; (&lt;subject&gt;)",
    /// so a judge can tell, e.g., "NotTimeValid" from "PartialChain".</returns>
    public static ChainValidationEvidence Validate(IReadOnlyList<X509Certificate2> served, X509Certificate2Collection roots, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(served);
        ArgumentNullException.ThrowIfNull(roots);
        if (served.Count == 0) return new ChainValidationEvidence(false, ["NoCertificate: the server sent no certificate"], []);

        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        var anchors = roots.Where(IsSelfSigned).ToArray();
        policy.CustomTrustStore.AddRange(anchors);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = (at ?? DateTimeOffset.UtcNow).UtcDateTime;
        policy.VerificationTimeIgnored = false;
        for (var i = 1; i < served.Count; i++) policy.ExtraStore.Add(served[i]);

        var built = chain.Build(served[0]);
        var problems = new List<string>();
        foreach (var element in chain.ChainElements)
        {
            foreach (var status in element.ChainElementStatus)
            {
                if (status.Status == X509ChainStatusFlags.NoError) continue;
                Add(problems, $"{status.Status}: {Clean(status.StatusInformation)} ({element.Certificate.Subject})");
            }
        }

        foreach (var status in chain.ChainStatus)
        {
            if (status.Status == X509ChainStatusFlags.NoError) continue;
            var flag = status.Status + ":";
            if (!problems.Any(p => p.StartsWith(flag, StringComparison.Ordinal))) Add(problems, $"{flag} {Clean(status.StatusInformation)}");
        }

        for (var i = 1; i < chain.ChainElements.Count; i++)
        {
            var certificate = chain.ChainElements[i].Certificate;
            var known = served.Concat(anchors).Any(c => c.RawData.AsSpan().SequenceEqual(certificate.RawData));
            if (!known) Add(problems, $"NotServed: the chain was completed with a certificate the server did not send, from a local store ({certificate.Subject})");
        }

        if (anchors.Length == 0) problems.Add("NoTrustAnchor: the CA bundle holds no self-signed root certificate");
        if (!built && problems.Count == 0) problems.Add("NotTrusted: no chain to a root of the CA bundle could be built");
        var fingerprints = chain.ChainElements.Select(e => Convert.ToHexString(SHA256.HashData(e.Certificate.RawData))).ToList();
        var trusted = built && problems.Count == 0;
        return new ChainValidationEvidence(trusted, trusted ? [] : problems, fingerprints);
    }

    private static bool IsSelfSigned(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    private static void Add(List<string> problems, string problem)
    {
        if (!problems.Contains(problem)) problems.Add(problem);
    }

    private static string Clean(string information) => information.Trim().TrimEnd('.');
}
