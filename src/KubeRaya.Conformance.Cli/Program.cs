using KubeRaya.Conformance.Cli;
using KubeRaya.Conformance.Reporting;

// One clear line and a documented exit code for every way a run can end; never a stack trace.
using var interruption = new Interruption();
try
{
    var arguments = Arguments.Parse(args);
    return arguments.Command switch
    {
        "run" => await RunCommand.ExecuteAsync(arguments, Console.Out, interruption.Token, () => interruption.Signal),
        "serve" => await ServeCommand.ExecuteAsync(arguments, Console.Out, interruption.Token),
        "verify-report" => VerifyReportCommand.Execute(arguments, Console.Out),
        "audit" => await AuditCommand.ExecuteAsync(arguments, Console.Out, interruption.Token),
        "calibrate" => await CalibrateCommand.ExecuteAsync(arguments, Console.Out, interruption.Token),
        _ => throw new UsageException($"unknown command '{arguments.Command}': use run, serve, verify-report, audit or calibrate"),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"kuberaya-conformance: {e.Message}");
    return ExitCodes.Usage;
}
catch (IncompleteRunException e)
{
    Console.Error.WriteLine($"kuberaya-conformance: run could not complete: {e.Message}");
    return ExitCodes.Incomplete;
}
catch (OperationCanceledException) when (interruption.Token.IsCancellationRequested)
{
    Console.Error.WriteLine($"kuberaya-conformance: interrupted by {interruption.Signal}; what the run created has been removed");
    return ExitCodes.Incomplete;
}
catch (Exception e)
{
    Console.Error.WriteLine($"kuberaya-conformance: run could not complete: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
    return ExitCodes.Incomplete;
}
