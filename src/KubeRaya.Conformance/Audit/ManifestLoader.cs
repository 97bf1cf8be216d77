using System.Runtime.ExceptionServices;
using k8s;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// Loads Kubernetes manifests into an <see cref="ObjectSet"/>: files, directories (recursively, <c>*.yaml</c>,
/// <c>*.yml</c> and <c>*.json</c>) or standard input (<c>-</c>); multi-document YAML and List kinds; each object
/// parsed with KubernetesClient's <see cref="KubernetesYaml"/> into its typed model and kept with its file and line.
/// Kinds the audit does not judge are ignored. A malformed document becomes a <see cref="LoadProblem"/> with its file
/// and line, and the documents around it are still loaded.
/// </summary>
/// <remarks>
/// Every core reads files, cuts them into documents, reads their kinds, takes out what no judge reads
/// (<see cref="YamlTrimmer"/>) and parses them into typed objects (through JSON, see <see cref="YamlJson"/>; KubernetesYaml,
/// which works under one process-wide lock, only for documents of unusual shape). One thread adds the results in input
/// order, whatever order files are prepared in.
/// </remarks>
public sealed class ManifestLoader
{
    /// <summary>The path that stands for standard input.</summary>
    public const string StandardInputPath = "-";

    /// <summary>The name standard input carries in locations.</summary>
    public const string StandardInputName = "stdin";

    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    private readonly string defaultNamespace;
    private readonly TextReader standardInput;

    /// <summary>A loader.</summary>
    /// <param name="defaultNamespace">Namespace of objects whose manifest names none.</param>
    /// <param name="standardInput">What <c>-</c> reads; the console's standard input when null.</param>
    public ManifestLoader(string defaultNamespace = "default", TextReader? standardInput = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(defaultNamespace);
        this.defaultNamespace = defaultNamespace;
        this.standardInput = standardInput ?? Console.In;
    }

    /// <summary>Loads every manifest under the given paths, files in ordinal order within each directory.</summary>
    /// <exception cref="AuditInputException">A path does not exist or cannot be read.</exception>
    public async Task<ObjectSet> LoadAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sources = paths.SelectMany(Expand).ToArray();
        var piped = sources.Any(s => s.Path is null) ? await ReadStandardInputAsync(cancellationToken).ConfigureAwait(false) : null;
        // The thread that adds results in order runs on its own, so the preparing side keeps every pool thread it needs.
        return await Task.Factory.StartNew(() => Load(sources, piped, cancellationToken), cancellationToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
    }

    /// <summary>Loads manifests held in memory, as if read from a file called <paramref name="sourceName"/>.</summary>
    public ObjectSet LoadText(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var builder = new ObjectSetBuilder(defaultNamespace);
        var load = SourceLoad.Prepare(text, sourceName, CancellationToken.None);
        load.Parse(CancellationToken.None);
        load.AddTo(builder);
        return builder.Build(ObjectSetScope.Manifests);
    }

    /// <summary>How many sources may be prepared ahead of the one added next.</summary>
    private const int LookAhead = 64;

    /// <summary>This thread adds, in input order, what the cores read, split into documents, trim and parse ahead of it.</summary>
    private ObjectSet Load((string Name, string? Path)[] sources, string? piped, CancellationToken cancellationToken)
    {
        var ready = sources.Select(_ => new TaskCompletionSource<SourceLoad>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var window = new SemaphoreSlim(LookAhead);
        var next = -1;
        var preparers = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(_ => Task.Run(() => Prepare(sources, piped, ready, window, ref next, stop.Token), CancellationToken.None))
            .ToArray();
        var builder = new ObjectSetBuilder(defaultNamespace);
        try
        {
            for (var index = 0; index < sources.Length; index++)
            {
                var load = Outcome(ready, index, cancellationToken);
                load.AddTo(builder);
                window.Release();
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            Task.WaitAll(preparers.Select(p => p.ContinueWith(_ => { }, TaskScheduler.Default)));
        }
        return builder.Build(ObjectSetScope.Manifests);
    }

    /// <summary>Claims sources in order (a permit of the look-ahead window first, so the source the adding thread waits for
    /// always holds one) and prepares them; a failure fails its slot and stops the rest.</summary>
    private static void Prepare((string Name, string? Path)[] sources, string? piped, TaskCompletionSource<SourceLoad>[] ready,
        SemaphoreSlim window, ref int next, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                window.Wait(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var index = Interlocked.Increment(ref next);
            if (index >= sources.Length) return;
            var (name, path) = sources[index];
            try
            {
                var text = path is null ? piped! : Read(name, path);
                var load = SourceLoad.Prepare(text, name, cancellationToken);
                load.Parse(cancellationToken);
                ready[index].TrySetResult(load);
            }
            catch (Exception e)
            {
                ready[index].TrySetException(e);
                if (e is not OperationCanceledException) CancelUnclaimed(ready, index);
                return;
            }
        }
    }

    /// <summary>After a failure, the slots no preparer will reach are cancelled, so the adding thread never waits in vain.</summary>
    private static void CancelUnclaimed(TaskCompletionSource<SourceLoad>[] ready, int failed)
    {
        for (var index = failed + 1; index < ready.Length; index++) ready[index].TrySetCanceled();
    }

    /// <summary>The prepared source at an index, or the failure that stopped the load.</summary>
    private static SourceLoad Outcome(TaskCompletionSource<SourceLoad>[] ready, int index, CancellationToken cancellationToken)
    {
        try
        {
            return ready[index].Task.WaitAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = ready.Select(r => r.Task.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException);
            if (failure is not null) ExceptionDispatchInfo.Throw(failure);
            throw;
        }
    }

    private static IEnumerable<(string Name, string? Path)> Expand(string path)
    {
        if (path == StandardInputPath) return [(StandardInputName, null)];
        if (File.Exists(path)) return [(path, path)];
        if (!Directory.Exists(path)) throw new AuditInputException($"cannot audit '{path}': no such file or directory");
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false };
            return Directory.EnumerateFiles(path, "*", options)
                            .Where(f => ManifestExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                            .Order(StringComparer.Ordinal)
                            .Select(f => (f, (string?)f))
                            .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditInputException($"cannot audit '{path}': {e.Message}", e);
        }
    }

    private async Task<string> ReadStandardInputAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await standardInput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new AuditInputException($"cannot audit '{StandardInputName}': {e.Message}", e);
        }
    }

    private static string Read(string name, string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditInputException($"cannot audit '{name}': {e.Message}", e);
        }
    }
}
