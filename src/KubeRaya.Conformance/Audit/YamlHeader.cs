using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeRaya.Conformance.Audit;

/// <summary>
/// Reads what the loader needs before choosing a type: a document's <c>apiVersion</c> and <c>kind</c>, and for
/// list documents each item's own text and line. Walks parser events without building objects, and stops as
/// soon as it knows enough.
/// </summary>
internal static class YamlHeader
{
    /// <summary>The type keys of one mapping.</summary>
    public readonly record struct TypeKeys(string? ApiVersion, string? Kind);

    /// <summary>One item of a list document.</summary>
    /// <param name="Text">The item as a document of its own (indentation kept, first line padded to match).</param>
    /// <param name="Line">The item's one-based line within the list document.</param>
    /// <param name="Keys">The item's own apiVersion and kind, where it states them.</param>
    public readonly record struct Item(string Text, int Line, TypeKeys Keys);

    /// <summary>The document's apiVersion and kind; both null when it is not a mapping.</summary>
    /// <exception cref="YamlException">The document is not well-formed up to where its type keys end.</exception>
    public static TypeKeys Read(string document)
    {
        var parser = Open(document);
        return parser.TryConsume<MappingStart>(out _) ? ReadKeys(parser, stopEarly: true, null).Keys : default;
    }

    /// <summary>The items of a list document's <c>items</c> sequence.</summary>
    /// <exception cref="YamlException">The document is not well-formed.</exception>
    public static IReadOnlyList<Item> Items(string document)
    {
        var parser = Open(document);
        var items = new List<Item>();
        if (!parser.TryConsume<MappingStart>(out _)) return items;
        ReadKeys(parser, stopEarly: false, key => key == "items" ? ReadItems(parser, document, items) : false);
        return items;
    }

    /// <summary>
    /// Where a document's YAML stops being readable: the line (one-based, within the document) and the parser's
    /// words; null when the whole document parses. Used to place errors the typed deserialiser reports without a
    /// position. Some malformed input (an unclosed flow collection at the end of a document) makes the parser fail
    /// without a position of its own; the line of the last event read is given then.
    /// </summary>
    public static (int Line, Exception Error)? FindError(string document)
    {
        var parser = new Parser(new StringReader(document));
        try
        {
            while (parser.MoveNext())
            {
            }
            return null;
        }
        catch (YamlException e)
        {
            return ((int)e.Start.Line, e);
        }
        catch (InvalidOperationException)
        {
            return ((int)(parser.Current?.Start.Line ?? 1), new YamlException("the YAML cannot be read past this line (an unclosed bracket or quote?)"));
        }
    }

    private static Parser Open(string document)
    {
        var parser = new Parser(new StringReader(document));
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        return parser;
    }

    /// <summary>Reads a mapping's keys up to its end (or, when stopping early, until both type keys are known).
    /// <paramref name="valueReader"/> may consume a key's value itself and say so.</summary>
    private static (TypeKeys Keys, Mark End) ReadKeys(IParser parser, bool stopEarly, Func<string, bool>? valueReader)
    {
        string? apiVersion = null, kind = null;
        var end = Mark.Empty;
        while (true)
        {
            if (parser.TryConsume<MappingEnd>(out var mappingEnd))
            {
                end = mappingEnd.End;
                break;
            }
            if (!parser.TryConsume<Scalar>(out var key))
            {
                parser.SkipThisAndNestedEvents(); // a complex key
                parser.SkipThisAndNestedEvents();
                continue;
            }
            if (key.Value is "apiVersion" or "kind" && parser.TryConsume<Scalar>(out var value))
            {
                if (key.Value == "kind") kind = value.Value;
                else apiVersion = value.Value;
                if (stopEarly && kind is not null && apiVersion is not null) break;
                continue;
            }
            if (valueReader?.Invoke(key.Value) != true) parser.SkipThisAndNestedEvents();
        }
        return (new TypeKeys(apiVersion, kind), end);
    }

    private static bool ReadItems(IParser parser, string document, List<Item> items)
    {
        if (!parser.TryConsume<SequenceStart>(out _)) return false;
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            if (!parser.Accept<MappingStart>(out var start))
            {
                parser.SkipThisAndNestedEvents();
                continue;
            }
            parser.MoveNext();
            var (keys, end) = ReadKeys(parser, stopEarly: false, null);
            items.Add(new Item(Slice(document, start.Start, end), (int)start.Start.Line, keys));
        }
        return true;
    }

    /// <summary>The item's text from its first key to the end of its mapping, its first line padded with spaces to
    /// its column so the block keeps its shape as a document of its own.</summary>
    private static string Slice(string document, Mark start, Mark end)
    {
        var from = (int)start.Index;
        // A flow mapping's end mark sits on its closing brace; a block mapping's, where the next token begins.
        var closing = document[from] == '{' ? 1 : 0;
        var to = end.Index <= start.Index ? document.Length : (int)Math.Min(end.Index + closing, document.Length);
        return new string(' ', (int)start.Column - 1) + document[from..to];
    }
}
