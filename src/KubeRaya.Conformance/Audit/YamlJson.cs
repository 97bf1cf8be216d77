using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// Turns one YAML document into JSON, so that it can be read by KubernetesClient's JSON model (System.Text.Json, which
/// any number of threads may use at once) instead of its YAML reader (which works under one process-wide lock).
/// Scalars are typed by the JSON subset of YAML 1.2's core schema: plain <c>true</c>/<c>false</c> are booleans, plain
/// <c>null</c>, <c>~</c> and nothing are null, plain JSON numbers are numbers; everything else, and every quoted or
/// block scalar, is a string. A document using anchors, aliases or complex keys is refused with
/// <see cref="NotSupportedException"/>, and a value whose JSON type does not fit the model makes the JSON reader
/// throw: callers then read the document with the YAML reader, which decides as it always did.
/// </summary>
internal static partial class YamlJson
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>The document as UTF-8 JSON.</summary>
    /// <exception cref="YamlException">The text is not well-formed YAML.</exception>
    /// <exception cref="NotSupportedException">The document uses anchors, aliases, complex keys or several documents.</exception>
    public static byte[] Convert(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, yaml.Length));
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false }))
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                writer.WriteNullValue();
            }
            else
            {
                parser.Consume<DocumentStart>();
                WriteNode(parser, writer);
                parser.Consume<DocumentEnd>();
                if (!parser.Accept<StreamEnd>(out _)) throw new NotSupportedException("more than one document");
            }
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteNode(IParser parser, Utf8JsonWriter writer)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of the document");
        if (current is NodeEvent { Anchor.IsEmpty: false } or AnchorAlias)
            throw new NotSupportedException("anchors and aliases are read by the YAML reader");
        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                WriteScalar(scalar, writer);
                break;
            case MappingStart:
                parser.MoveNext();
                writer.WriteStartObject();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    if (parser.Current is not Scalar key || !key.Anchor.IsEmpty)
                        throw new NotSupportedException("complex and anchored keys are read by the YAML reader");
                    parser.MoveNext();
                    writer.WritePropertyName(key.Value);
                    WriteNode(parser, writer);
                }
                writer.WriteEndObject();
                break;
            case SequenceStart:
                parser.MoveNext();
                writer.WriteStartArray();
                while (!parser.TryConsume<SequenceEnd>(out _)) WriteNode(parser, writer);
                writer.WriteEndArray();
                break;
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private static void WriteScalar(Scalar scalar, Utf8JsonWriter writer)
    {
        var value = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag))
        {
            writer.WriteStringValue(value);
            return;
        }
        switch (value)
        {
            case "" or "~" or "null":
                writer.WriteNullValue();
                return;
            case "true":
                writer.WriteBooleanValue(true);
                return;
            case "false":
                writer.WriteBooleanValue(false);
                return;
        }
        if (JsonNumber().IsMatch(value)) writer.WriteRawValue(value, skipInputValidation: true);
        else writer.WriteStringValue(value);
    }

    /// <summary>A number as JSON writes it (no leading zeros, no sign but minus, no hex, octal, infinity or NaN).</summary>
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
