using System.Text;
using k8s;
using k8s.Models;
using YamlDotNet.Core;

namespace KubeRaya.Conformance.Audit;

/// <summary>What one source yields: documents of known kinds awaiting their typed parse, then objects and
/// problems, kept apart until the source's turn so the set keeps input order.</summary>
internal sealed class SourceLoad(string sourceName)
{
    /// <summary>Splits a source into documents and reads each one's kind (list items one by one), without the typed parse.</summary>
    public static SourceLoad Prepare(string text, string sourceName, CancellationToken cancellationToken)
    {
        var load = new SourceLoad(sourceName);
        foreach (var document in YamlDocuments.Split(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var keys = YamlHeader.Read(document.Text);
                if (KnownKinds.IsList(keys.ApiVersion, keys.Kind, out var itemKind))
                {
                    foreach (var item in YamlHeader.Items(document.Text))
                    {
                        var line = document.FirstLine + item.Line - 1;
                        var kind = item.Keys.Kind is null ? itemKind : KnownKinds.Find(item.Keys.ApiVersion ?? itemKind?.ApiVersion, item.Keys.Kind);
                        if (kind is not null) load.Prepare(kind, new YamlDocuments.Document(item.Text, line, line));
                    }
                }
                else if (KnownKinds.Find(keys.ApiVersion, keys.Kind) is { } kind)
                {
                    load.Prepare(kind, document);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                load.Problem(document, e);
            }
        }
        return load;
    }

    private readonly List<(IKubernetesObject<V1ObjectMeta> Value, ObjectOrigin Origin)> objects = [];
    private readonly List<LoadProblem> problems = [];

    /// <summary>A document (or list item) of a known kind, trimmed for its typed parse.</summary>
    private readonly List<(KnownKinds.Kind Kind, YamlDocuments.Document Document, string Text, byte[]? Certificate)> pending = [];

    /// <summary>Trims a document of a known kind for its typed parse, reading a Secret's certificate out of it.</summary>
    public void Prepare(KnownKinds.Kind kind, YamlDocuments.Document document)
    {
        var isSecret = kind.Name == "Secret";
        var trimmed = YamlTrimmer.Trim(document.Text, isSecret);
        byte[]? certificate = null;
        try
        {
            certificate = trimmed.CertificateText is { } text ? Encoding.UTF8.GetBytes(text)
                : trimmed.CertificateBase64 is { } base64 ? Convert.FromBase64String(base64)
                : null;
        }
        catch (FormatException)
        {
            Problem(document, new FormatException("data.tls.crt is not valid base64"));
            return;
        }
        pending.Add((kind, document, trimmed.Text, certificate));
    }

    /// <summary>Parses the pending documents with KubernetesYaml into typed objects.</summary>
    public void Parse(CancellationToken cancellationToken)
    {
        foreach (var (kind, document, text, certificate) in pending)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IKubernetesObject<V1ObjectMeta> value;
            try
            {
                value = kind.Parse(text);
            }
            catch (Exception) when (!ReferenceEquals(text, document.Text))
            {
                // Errors are placed in the document as written; parsing it whole also covers anything trimming missed.
                if (!TryParse(kind, document, out value)) continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Problem(document, e);
                continue;
            }
            if (value is V1Secret secret && certificate is not null)
            {
                secret.Data ??= new Dictionary<string, byte[]>();
                secret.Data[ObjectSetBuilder.CertificateKey] = certificate;
            }
            Add(value, new ObjectOrigin(sourceName, document.ContentLine));
        }
        pending.Clear();
    }

    private bool TryParse(KnownKinds.Kind kind, YamlDocuments.Document document, out IKubernetesObject<V1ObjectMeta> value)
    {
        try
        {
            value = kind.Parse(document.Text);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Problem(document, e);
            value = null!;
            return false;
        }
    }

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
    public void Problem(YamlDocuments.Document document, Exception error)
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
