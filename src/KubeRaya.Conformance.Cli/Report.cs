using KubeRaya.Conformance.Reporting;

namespace KubeRaya.Conformance.Cli;

/// <summary>Writes a run's bundle (summary, JUnit, HTML, manifest), turning a refused bundle into one line.</summary>
public static class Report
{
    /// <summary>Writes the bundle for a summary into the report directory.</summary>
    public static ReportBundle Write(RunSummary summary, string reportDirectory, string repositoryRoot)
    {
        try
        {
            return ReportWriter.Write(summary, reportDirectory, new ReportOptions { FeaturesDirectory = Path.Combine(repositoryRoot, "features") });
        }
        catch (KeyMaterialFoundException e)
        {
            throw new IncompleteRunException($"the report was not written because it would contain private key material ({e.Message.Split('\n')[0]})");
        }
    }
}
