namespace KubeRaya.Conformance.Probes;

/// <summary>Turns an exception chain into the words a failure sentence quotes.</summary>
internal static class ExceptionText
{
    /// <summary>The exception messages along the chain, without the "see inner exception" filler.</summary>
    public static string Messages(Exception error)
    {
        var parts = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            var message = e.Message.Trim().TrimEnd('.');
            if (message.Length == 0 || message.Contains("see inner exception", StringComparison.OrdinalIgnoreCase)) continue;
            if (!parts.Contains(message)) parts.Add(message);
        }

        return parts.Count == 0 ? error.GetType().Name : string.Join("; ", parts);
    }
}
