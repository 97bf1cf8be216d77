using FluentAssertions;
using KubeRaya.Conformance.Probes.RawTls;
using Xunit;

namespace KubeRaya.Conformance.Tests.RawTls;

public sealed class CipherSuiteCatalogueTests
{
    [Fact]
    public void Codes_and_names_are_unique()
    {
        CipherSuiteCatalogue.All.Select(s => s.Code).Should().OnlyHaveUniqueItems();
        CipherSuiteCatalogue.All.Select(s => s.Name).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Every_weak_group_of_KR_TLS_04_has_suites_and_no_modern_suite_is_weak()
    {
        foreach (var group in CipherSuiteCatalogue.WeakGroups)
            CipherSuiteCatalogue.InGroup(group).Should().NotBeEmpty().And.OnlyContain(s => s.IsWeak);
        CipherSuiteCatalogue.InGroup(CipherSuiteGroup.Modern).Should().OnlyContain(s =>
            (s.Name.Contains("_GCM_") || s.Name.Contains("_CHACHA20_") || s.Name.EndsWith("_CCM"))
            && (s.Name.Contains("_ECDHE_") || s.Name.Contains("_DHE_") || s.MinimumVersion == TlsVersion.Tls13));
        CipherSuiteCatalogue.Find(0x002F)!.Group.Should().Be(CipherSuiteGroup.StaticRsaCbc);
        CipherSuiteCatalogue.Find(0x000A)!.Group.Should().Be(CipherSuiteGroup.Des);
    }

    [Fact]
    public void Legacy_version_offers_hold_only_suites_defined_for_that_version()
    {
        CipherSuiteCatalogue.UsableAt(TlsVersion.Ssl3).Should().OnlyContain(s => s.MinimumVersion == TlsVersion.Ssl3)
            .And.NotContain(s => s.Name.Contains("ECDHE"));
        CipherSuiteCatalogue.UsableAt(TlsVersion.Tls10).Should().NotContain(s => s.Name.EndsWith("SHA256") || s.Name.EndsWith("SHA384"))
            .And.Contain(s => s.Name == "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
        CipherSuiteCatalogue.UsableAt(TlsVersion.Tls12).Should().NotContain(s => s.MinimumVersion == TlsVersion.Tls13);
    }

    [Fact]
    public void Unknown_codes_are_named_by_their_hex_value()
    {
        CipherSuiteCatalogue.NameOf(0x0A0A).Should().Be("0x0A0A");
    }

    [Fact]
    public async Task Codes_and_names_agree_with_what_the_system_openssl_knows()
    {
        // openssl ciphers -V -stdname prints "0xC0,0x13 - TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA - ECDHE-RSA-AES128-SHA ...".
        var output = await OpenSslCli.RunAsync("ciphers", "-V", "-stdname", "ALL:COMPLEMENTOFALL:@SECLEVEL=0");

        var known = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length > 5 && parts[0].StartsWith("0x", StringComparison.Ordinal))
            .ToDictionary(parts => Convert.ToUInt16(parts[0].Replace("0x", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), 16), parts => (Name: parts[2], Version: parts[5]));

        known.Should().NotBeEmpty();
        var compared = CipherSuiteCatalogue.All.Where(s => known.ContainsKey(s.Code)).ToList();
        compared.Should().HaveCountGreaterThan(20, "the system openssl knows most of the catalogue");
        foreach (var suite in compared)
        {
            known[suite.Code].Name.Should().Be(suite.Name, $"openssl names {suite.Hex} so");
            known[suite.Code].Version.Should().Be(OpenSslVersionName(suite.MinimumVersion), $"openssl gives {suite.Name} that minimum version");
        }
    }

    private static string OpenSslVersionName(TlsVersion version) => version.Name switch
    {
        "SSLv3" => "SSLv3",
        "TLS1.0" => "TLSv1",
        _ => "TLSv" + version.Name[3..],
    };
}
