using System.Diagnostics;
using System.Globalization;
using KubeRaya.Conformance.Audit;
using KubeRaya.Conformance.Bench;
using KubeRaya.Conformance.Controls;

// Usage:
//   AuditBench generate <directory> [applications=10000] [namespaces=100]
//   AuditBench audit <path>...
if (args.Length >= 2 && args[0] == "generate")
{
    var applications = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
    var namespaces = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 100;
    SyntheticEstate.Write(args[1], applications, namespaces);
    Console.WriteLine($"wrote {applications} applications (Ingress, Service, TLS Secret) in {namespaces} namespaces to {args[1]}");
    return 0;
}

if (args.Length >= 2 && args[0] == "audit")
{
    var clock = Stopwatch.StartNew();
    try
    {
        var verdicts = await new AuditRunner().AuditManifestsAsync(args[1..], CancellationToken.None);
        clock.Stop();
        foreach (var group in verdicts.GroupBy(v => (v.Control, v.Outcome)).OrderBy(g => g.Key.Control, StringComparer.Ordinal).ThenBy(g => g.Key.Outcome))
        {
            Console.WriteLine($"{group.Key.Control,-11} {group.Key.Outcome,-8} {group.Count(),7}");
        }
        foreach (var verdict in verdicts.Where(v => v.Outcome is Outcome.Failed or Outcome.Error).Take(5))
        {
            Console.WriteLine($"  e.g. {verdict.Control} {verdict.Outcome} {verdict.Object} {verdict.Location}: {verdict.Observed}");
        }
        Console.WriteLine($"{verdicts.Count} verdicts in {clock.ElapsedMilliseconds} ms (inside the process)");
        return verdicts.Any(v => v.Outcome is Outcome.Failed or Outcome.Error) ? 1 : 0;
    }
    catch (AuditInputException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
}

if (args.Length >= 2 && args[0] == "phases")
{
    // Where the time goes: loading (read, split, parse) against judging, in wall and CPU time.
    var process = Process.GetCurrentProcess();
    var clock = Stopwatch.StartNew();
    var cpu = process.TotalProcessorTime;
    var objects = await new ManifestLoader().LoadAsync(args[1..], CancellationToken.None);
    process.Refresh();
    Console.WriteLine($"load:  {clock.ElapsedMilliseconds} ms wall, {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU, {objects.All.Count()} objects");
    clock.Restart();
    cpu = process.TotalProcessorTime;
    var runner = new AuditRunner();
    var verdicts = runner.Judge(objects);
    process.Refresh();
    Console.WriteLine($"judge: {clock.ElapsedMilliseconds} ms wall, {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU, {verdicts.Count} verdicts");
    foreach (var judge in runner.Judges)
    {
        var best = long.MaxValue;
        var count = 0;
        for (var round = 0; round < 5; round++)
        {
            clock.Restart();
            count = judge.Judge(objects).Count();
            best = Math.Min(best, clock.ElapsedMilliseconds);
        }
        Console.WriteLine($"  best of 5, {judge.GetType().Name} {judge.ControlId}: {best} ms, {count} verdicts");
    }
    return 0;
}

Console.Error.WriteLine("usage: AuditBench generate <directory> [applications] [namespaces] | AuditBench audit <path>...");
return 2;
