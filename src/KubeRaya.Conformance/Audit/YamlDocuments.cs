namespace KubeRaya.Conformance.Audit;

/// <summary>
/// Cuts a YAML stream into its documents by their <c>---</c> and <c>...</c> markers, keeping the line each starts
/// on, so that one malformed document cannot hide the others and every object can name its line.
/// A marker is only a marker in column one, where YAML puts it; inside a block scalar it would be indented.
/// </summary>
internal static class YamlDocuments
{
    /// <summary>One document's text.</summary>
    /// <param name="Text">The text, starting with its <c>---</c> marker line if it has one.</param>
    /// <param name="FirstLine">The one-based line of the text's first line within the stream.</param>
    /// <param name="ContentLine">The first line holding content (not blank, a comment or a bare marker).</param>
    public readonly record struct Document(string Text, int FirstLine, int ContentLine);

    /// <summary>The documents that hold content, in order; empty documents are dropped.</summary>
    public static IReadOnlyList<Document> Split(string stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var documents = new List<Document>();
        var start = 0;
        var firstLine = 1;
        var contentLine = 0;
        var line = 1;
        var position = 0;
        while (position < stream.Length)
        {
            var end = stream.IndexOf('\n', position);
            var next = end < 0 ? stream.Length : end + 1;
            var text = stream.AsSpan(position, next - position).TrimEnd("\r\n");
            if (IsMarker(text, "---") && position > start)
            {
                if (contentLine > 0) documents.Add(new Document(stream[start..position], firstLine, contentLine));
                (start, firstLine, contentLine) = (position, line, 0);
            }
            if (contentLine == 0 && HoldsContent(text)) contentLine = line;
            if (IsMarker(text, "..."))
            {
                if (contentLine > 0) documents.Add(new Document(stream[start..next], firstLine, contentLine));
                (start, firstLine, contentLine) = (next, line + 1, 0);
            }
            position = next;
            line++;
        }
        if (contentLine > 0) documents.Add(new Document(stream[start..], firstLine, contentLine));
        return documents;
    }

    private static bool IsMarker(ReadOnlySpan<char> line, string marker) =>
        line.StartsWith(marker, StringComparison.Ordinal) && (line.Length == 3 || char.IsWhiteSpace(line[3]));

    private static bool HoldsContent(ReadOnlySpan<char> line)
    {
        var rest = IsMarker(line, "---") ? line[3..] : line;
        rest = rest.Trim();
        return rest.Length > 0 && rest[0] != '#' && rest[0] != '%' && !IsMarker(line, "...");
    }
}
