using FluentAssertions;
using KubeRaya.Conformance.Controls;
using KubeRaya.Conformance.Reporting;
using Xunit;

namespace KubeRaya.Conformance.Tests.Core;

public sealed class ResultLedgerTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kr-ledger-");

    [Fact]
    public void Verdicts_appended_from_many_threads_are_all_read_back()
    {
        var ledger = new ResultLedger(_dir.FullName);

        Parallel.For(0, 200, i => ledger.Append(ResultRecord.From(Verdict.Pass("KR-TLS-01", $"h{i}.example.test", "e", "o"), "scenario")));

        ResultLedger.Read(ledger.Path).Select(r => r.Host).Should().HaveCount(200).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_line_torn_by_an_interrupted_write_is_ignored_and_the_rest_is_read()
    {
        var ledger = new ResultLedger(_dir.FullName);
        ledger.Append(ResultRecord.From(Verdict.Fail("KR-HTTP-01", "a.example.test", "308", "200"), "s"));
        File.AppendAllText(ledger.Path, "{\"control\":\"KR-HT");

        var records = ResultLedger.Read(ledger.Path);

        records.Should().ContainSingle().Which.Outcome.Should().Be(Outcome.Failed);
    }

    public void Dispose() => _dir.Delete(true);
}
