using System.Diagnostics;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Reference.Network;

/// <summary>Runs one short local administrative command (ip, nginx -t) with a named timeout and collects its output.</summary>
internal static class HostCommand
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/>; kills it when <paramref name="timeout"/> passes.</summary>
    public static async Task<CommandResult> RunAsync(string file, IReadOnlyList<string> arguments, NamedTimeout timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var line = file + " " + string.Join(' ', arguments);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{line}'.");
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout.Value);
        var output = process.StandardOutput.ReadToEndAsync(bound.Token);
        var error = process.StandardError.ReadToEndAsync(bound.Token);
        try
        {
            await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
            return new CommandResult(line, process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"'{line}' did not finish within the {timeout}.");
        }
    }

    /// <summary>Runs the command and throws unless it exits with 0.</summary>
    public static async Task<CommandResult> RunCheckedAsync(string file, IReadOnlyList<string> arguments, NamedTimeout timeout, CancellationToken cancellationToken) =>
        (await RunAsync(file, arguments, timeout, cancellationToken).ConfigureAwait(false)).EnsureSuccess();

    /// <summary>Runs <c>ip</c> with the arguments.</summary>
    public static Task<CommandResult> IpAsync(NamedTimeout timeout, CancellationToken cancellationToken, params string[] arguments) =>
        RunAsync("ip", arguments, timeout, cancellationToken);
}
