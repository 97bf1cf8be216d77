using System.Text;
using System.Text.RegularExpressions;

namespace KubeRaya.Conformance.Tests.Audit;

/// <summary>
/// A temporary copy of one set under <c>fixtures/audit/</c> with its placeholders filled by freshly generated
/// certificates and keys (see the fixtures' README), and the expectations its <c># expect:</c> comments state.
/// The copy lives in a private temporary directory that is deleted on disposal.
/// </summary>
public sealed partial class AuditFixture : IDisposable
{
    /// <summary>One expected finding: a control (or <c>malformed</c>) at the line after its comment.</summary>
    public sealed record Expectation(string Control, string Location);

    private AuditFixture(string directory, DateTimeOffset now)
    {
        Directory = directory;
        Now = now;
    }

    /// <summary>The temporary copy.</summary>
    public string Directory { get; }

    /// <summary>The time the certificates were made for.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Every expectation of the set, as <c>file:line</c> relative to <see cref="Directory"/>.</summary>
    public List<Expectation> Expectations { get; } = [];

    /// <summary>Every private key written into the copy, to prove none leaks into a verdict.</summary>
    public List<string> PrivateKeys { get; } = [];

    /// <summary>Copies <c>fixtures/audit/&lt;set&gt;</c>.</summary>
    public static AuditFixture Copy(string set)
    {
        var source = Path.Combine(RepositoryRoot(), "fixtures", "audit", set);
        var target = System.IO.Directory.CreateTempSubdirectory("kr-audit-");
        var fixture = new AuditFixture(target.FullName, DateTimeOffset.UtcNow);
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(source, file);
            var destination = Path.Combine(target.FullName, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            var lines = File.ReadAllLines(file);
            fixture.ReadExpectations(relative, lines);
            File.WriteAllText(destination, fixture.Fill(string.Join('\n', lines) + "\n"));
        }
        return fixture;
    }

    /// <summary>A location of the copy (<c>/tmp/…/file:line</c>) relative to it (<c>file:line</c>).</summary>
    public string? Relative(string? location) =>
        location is null ? null : Path.GetRelativePath(Directory, location);

    /// <inheritdoc />
    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>The directory holding the solution file, above the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KubeRaya.Conformance.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("KubeRaya.Conformance.sln not found above the test assembly");
    }

    private void ReadExpectations(string file, string[] lines)
    {
        for (var index = 0; index < lines.Length; index++)
        {
            var match = ExpectComment().Match(lines[index]);
            if (!match.Success) continue;
            var target = index + 1;
            while (target < lines.Length && lines[target].TrimStart().StartsWith('#')) target++;
            foreach (var control in match.Groups["controls"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                Expectations.Add(new Expectation(control, $"{file}:{target + 1}"));
            }
        }
    }

    private string Fill(string text)
    {
        FixtureCertificates.Issued? last = null;
        return Placeholder().Replace(text, match =>
        {
            var words = match.Groups["body"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words[0])
            {
                case "tls.crt":
                    last = FixtureCertificates.Leaf(words[1], words[2].Split(','), Now);
                    PrivateKeys.Add(last.PrivateKeyPem);
                    return Base64(last.CertificatePem);
                case "tls.key":
                    return Base64((last ?? throw new InvalidOperationException("@@tls.key@@ before any @@tls.crt@@")).PrivateKeyPem);
                case "pem-key":
                    var key = FixtureCertificates.Leaf("valid", ["key.example.test"], Now).PrivateKeyPem;
                    PrivateKeys.Add(key);
                    return Escaped(key);
                case "pem-cert":
                    return Escaped(FixtureCertificates.Leaf("valid", [words[1]], Now).CertificatePem);
                case "pem-ca":
                    return Escaped(FixtureCertificates.AuthorityPem(Now));
                default:
                    throw new InvalidOperationException($"unknown placeholder {match.Value}");
            }
        });
    }

    private static string Base64(string pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem));

    /// <summary>PEM as the content of a double-quoted YAML string: line breaks as \n, on one line.</summary>
    private static string Escaped(string pem) => pem.Replace("\n", "\\n", StringComparison.Ordinal);

    [GeneratedRegex("@@(?<body>[a-z][^@]*)@@")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\s*# expect: (?<controls>.+)$")]
    private static partial Regex ExpectComment();
}
