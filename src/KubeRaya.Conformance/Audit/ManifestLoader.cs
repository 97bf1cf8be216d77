using k8s;
using k8s.Models;
using YamlDotNet.Core;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// Loads Kubernetes manifests into an <see cref="ObjectSet"/>: files, directories (recursively, <c>*.yaml</c>,
/// <c>*.yml</c> and <c>*.json</c>) or standard input (<c>-</c>); multi-document YAML and List kinds; each object
/// parsed with KubernetesClient's <see cref="KubernetesYaml"/> into its typed model and kept with its file and line.
/// Kinds the audit does not judge are ignored. A malformed document becomes a <see cref="LoadProblem"/> with its file
/// and line, and the documents around it are still loaded.
/// </summary>
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
        var sources = paths.SelectMany(Expand).ToList();
        var loads = new DocumentLoad[sources.Count];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        // KubernetesYaml deserialises under one global lock; running files side by side still overlaps
        // reading, splitting and header scanning of one file with the typed parse of another.
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count), options, async (index, token) =>
        {
            var (name, path) = sources[index];
            var text = await ReadAsync(name, path, token).ConfigureAwait(false);
            loads[index] = Load(text, name, token);
        }).ConfigureAwait(false);

        var builder = new ObjectSetBuilder(defaultNamespace);
        foreach (var load in loads) load.AddTo(builder);
        return builder.Build(ObjectSetScope.Manifests);
    }

    /// <summary>Loads manifests held in memory, as if read from a file called <paramref name="sourceName"/>.</summary>
    public ObjectSet LoadText(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var builder = new ObjectSetBuilder(defaultNamespace);
        Load(text, sourceName, CancellationToken.None).AddTo(builder);
        return builder.Build(ObjectSetScope.Manifests);
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

    private async Task<string> ReadAsync(string name, string? path, CancellationToken cancellationToken)
    {
        try
        {
            return path is null
                ? await standardInput.ReadToEndAsync(cancellationToken).ConfigureAwait(false)
                : await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditInputException($"cannot audit '{name}': {e.Message}", e);
        }
    }

    private static DocumentLoad Load(string text, string sourceName, CancellationToken cancellationToken)
    {
        var load = new DocumentLoad();
        foreach (var document in YamlDocuments.Split(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var keys = YamlHeader.Read(document.Text);
                if (KnownKinds.IsList(keys.ApiVersion, keys.Kind, out var itemKind))
                {
                    LoadItems(document, itemKind, sourceName, load);
                }
                else if (KnownKinds.Find(keys.ApiVersion, keys.Kind) is { } kind)
                {
                    load.Add(kind.Parse(document.Text), new ObjectOrigin(sourceName, document.ContentLine));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                load.Problem(sourceName, document, e);
            }
        }
        return load;
    }

    private static void LoadItems(YamlDocuments.Document list, KnownKinds.Kind? itemKind, string sourceName, DocumentLoad load)
    {
        foreach (var item in YamlHeader.Items(list.Text))
        {
            var firstLine = list.FirstLine + item.Line - 1;
            var itemDocument = new YamlDocuments.Document(item.Text, firstLine, firstLine);
            var kind = item.Keys.Kind is null ? itemKind : KnownKinds.Find(item.Keys.ApiVersion ?? itemKind?.ApiVersion, item.Keys.Kind);
            if (kind is null) continue;
            try
            {
                load.Add(kind.Parse(item.Text), new ObjectOrigin(sourceName, firstLine));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                load.Problem(sourceName, itemDocument, e);
            }
        }
    }

    /// <summary>What one source yielded, kept apart until every source is read so the set keeps input order.</summary>
    private sealed class DocumentLoad
    {
        private readonly List<(IKubernetesObject<V1ObjectMeta> Value, ObjectOrigin Origin)> objects = [];
        private readonly List<LoadProblem> problems = [];

        public void Add(IKubernetesObject<V1ObjectMeta> value, ObjectOrigin origin)
        {
            if (string.IsNullOrEmpty(value.Metadata?.Name))
            {
                problems.Add(new LoadProblem(origin, $"{value.Kind ?? "object"} without metadata.name: it cannot be applied, so it was not audited"));
                return;
            }
            objects.Add((value, origin));
        }

        /// <summary>
        /// Records a document that could not be read, at the line where its YAML breaks, else where the value that
        /// does not fit its kind's schema stands, else at the document's first line.
        /// </summary>
        public void Problem(string sourceName, YamlDocuments.Document document, Exception error)
        {
            var (line, cause) = error is YamlException { Start.Line: > 0 } yaml
                ? ((int)yaml.Start.Line, error)
                : YamlHeader.FindError(document.Text) ?? (document.ContentLine - document.FirstLine + 1, error);
            problems.Add(new LoadProblem(new ObjectOrigin(sourceName, document.FirstLine + line - 1), $"malformed document: {Describe(cause)}"));
        }

        public void AddTo(ObjectSetBuilder builder)
        {
            foreach (var (value, origin) in objects) builder.Add(value, origin);
            foreach (var problem in problems) builder.AddProblem(problem);
        }

        /// <summary>The parser's own words, without its relative positions (the location says where), with the cause.</summary>
        private static string Describe(Exception error)
        {
            var messages = new List<string>();
            for (var e = error; e is not null; e = e.InnerException)
            {
                var message = e.Message;
                var positions = message.IndexOf("): ", StringComparison.Ordinal);
                if (e is YamlException && message.StartsWith("(Line:", StringComparison.Ordinal) && positions > 0) message = message[(positions + 3)..];
                message = message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
                if (message.Length > 0 && !messages.Contains(message)) messages.Add(message);
            }
            return string.Join(": ", messages);
        }
    }
}
