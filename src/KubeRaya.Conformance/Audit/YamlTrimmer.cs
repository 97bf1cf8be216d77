using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// Takes out of a document, before its typed parse, what no judge reads and what costs most to parse: status,
/// metadata.managedFields, the last-applied-configuration annotation, and a Secret's data and stringData, of which
/// only <c>tls.crt</c> is kept, read here. So private keys are never parsed into objects, and the one thread that
/// may run KubernetesYaml parses only what the audit uses.
/// </summary>
/// <remarks>
/// An entry is cut from the first character of its key to the last character of its value, guided by the parser's
/// own marks; what remains of its lines is indentation and line ends, so the block keeps its shape. Only entries of
/// block mappings are cut: a flow (JSON-style) document is returned whole. Lines after a cut move up, so errors
/// must be placed by parsing the original document.
/// </remarks>
internal static class YamlTrimmer
{
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";
    private const string Certificate = "tls.crt";

    /// <summary>The document to parse, and for a Secret the tls.crt values read out of the parts cut.</summary>
    /// <param name="Text">The trimmed document (the original when nothing could be cut).</param>
    /// <param name="SecretDataCut">Whether data and stringData were cut, so the values below replace them.</param>
    /// <param name="CertificateBase64">data.tls.crt as written (base64), if present.</param>
    /// <param name="CertificateText">stringData.tls.crt, if present.</param>
    public sealed record Result(string Text, bool SecretDataCut, string? CertificateBase64, string? CertificateText);

    /// <summary>Trims a document of a known kind.</summary>
    /// <exception cref="YamlException">The document is not well-formed.</exception>
    public static Result Trim(string document, bool isSecret)
    {
        // Most documents hold nothing to cut: a scan for the keys' names is far cheaper than parsing to find that out.
        if (!isSecret && !document.Contains("status", StringComparison.Ordinal) && !document.Contains("managedFields", StringComparison.Ordinal)
            && !document.Contains(LastApplied, StringComparison.Ordinal))
        {
            return new Result(document, false, null, null);
        }
        var parser = new Parser(new StringReader(document));
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        if (!parser.TryConsume<MappingStart>(out var root) || root.Style != MappingStyle.Block)
        {
            return new Result(document, false, null, null);
        }
        var walk = new Walk(document, parser);
        string? base64 = null, text = null;
        var secretCut = false;
        walk.Entries(block: true, key => key switch
        {
            "status" => walk.Cut(),
            "metadata" => walk.Within(metadataKey => metadataKey switch
            {
                "managedFields" => walk.Cut(),
                "annotations" => walk.Within(annotation => annotation == LastApplied && walk.Cut()),
                _ => false,
            }),
            "data" when isSecret => walk.CutCapturing(Certificate, ref secretCut, out base64),
            "stringData" when isSecret => walk.CutCapturing(Certificate, ref secretCut, out text),
            _ => false,
        });
        return new Result(walk.Remaining(), secretCut, base64, text);
    }

    /// <summary>One walk over a document's events, collecting the ranges to cut.</summary>
    private sealed class Walk(string document, IParser parser)
    {
        private readonly List<(int From, int To)> cuts = [];
        private bool inBlock = true;

        /// <summary>Visits the entries of the mapping just entered; <paramref name="visit"/> consumes a value it
        /// handles and returns true, else the value is skipped.</summary>
        public void Entries(bool block, Func<string, bool> visit)
        {
            var outer = inBlock;
            inBlock = block;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (parser.Accept<Scalar>(out var key))
                {
                    keyStart = (int)key.Start.Index;
                    parser.MoveNext();
                    if (!visit(key.Value)) Skip();
                }
                else
                {
                    Skip();
                    Skip();
                }
            }
            inBlock = outer;
        }

        /// <summary>Descends into a mapping value, visiting its entries.</summary>
        public bool Within(Func<string, bool> visit)
        {
            if (!parser.TryConsume<MappingStart>(out var mapping)) return false;
            Entries(mapping.Style == MappingStyle.Block, visit);
            return true;
        }

        /// <summary>Consumes the current value, cutting its whole entry when it stands in a block mapping.</summary>
        public bool Cut()
        {
            var from = keyStart;
            var end = Skip();
            if (inBlock) cuts.Add((from, TrimmedEnd(from, end)));
            return true;
        }

        /// <summary>Consumes a mapping value, reading one key's scalar value out of it, and cuts its entry when it
        /// stands in a block mapping (setting <paramref name="cut"/>).</summary>
        public bool CutCapturing(string wanted, ref bool cut, out string? captured)
        {
            captured = null;
            var from = keyStart;
            if (!inBlock || !parser.Accept<MappingStart>(out _))
            {
                Skip();
                return true;
            }
            parser.MoveNext();
            var end = from;
            while (!parser.Accept<MappingEnd>(out _))
            {
                if (parser.TryConsume<Scalar>(out var key))
                {
                    if (key.Value == wanted && parser.Accept<Scalar>(out var value)) captured = value.Value;
                    end = Math.Max(end, (int)key.End.Index);
                }
                else
                {
                    end = Math.Max(end, Skip()); // a complex key
                }
                end = Math.Max(end, Skip());
            }
            var close = parser.Consume<MappingEnd>();
            end = Math.Max(end, ContentEnd(close));
            cuts.Add((from, TrimmedEnd(from, end)));
            cut = true;
            return true;
        }

        /// <summary>The document without the cut ranges.</summary>
        public string Remaining()
        {
            if (cuts.Count == 0) return document;
            var text = new StringBuilder(document.Length);
            var position = 0;
            foreach (var (from, to) in cuts.OrderBy(c => c.From))
            {
                if (from < position) continue;
                text.Append(document, position, from - position);
                position = to;
            }
            return text.Append(document, position, document.Length - position).ToString();
        }

        private int keyStart;

        /// <summary>Consumes one node and returns where its content ends (exclusive).</summary>
        private int Skip()
        {
            var end = 0;
            var depth = 0;
            do
            {
                var current = parser.Current ?? throw new YamlException("unexpected end of the document");
                end = Math.Max(end, ContentEnd(current));
                if (current is MappingStart or SequenceStart) depth++;
                else if (current is MappingEnd or SequenceEnd) depth--;
                parser.MoveNext();
            }
            while (depth > 0);
            return end;
        }

        /// <summary>Where an event's content ends: after a scalar or alias, after a flow collection's closing bracket.</summary>
        private int ContentEnd(ParsingEvent current) => current switch
        {
            Scalar or AnchorAlias => (int)current.End.Index,
            MappingEnd or SequenceEnd when current.End.Index < document.Length && document[(int)current.End.Index] is '}' or ']' => (int)current.End.Index + 1,
            _ => 0,
        };

        /// <summary>The end of a cut, moved back over trailing line ends and spaces so the next line keeps its indentation.</summary>
        private int TrimmedEnd(int from, int end)
        {
            while (end > from && char.IsWhiteSpace(document[end - 1])) end--;
            return end;
        }
    }
}
