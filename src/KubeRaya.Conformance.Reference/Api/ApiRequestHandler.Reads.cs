using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Http;

namespace KubeRaya.Conformance.Reference.Api;

internal sealed partial class ApiRequestHandler
{
    private static readonly TimeSpan LongestWatch = TimeSpan.FromMinutes(30);

    private Task GetAsync(HttpContext context, ResourceRequest request)
    {
        var found = _store.Get(request.Kind, request.Namespace, request.Name!) ?? throw ApiStatusException.NotFound(request.Kind, request.Name!);
        if (!ObjectTables.Requested(context.Request.Headers.Accept)) return WriteJsonAsync(context, 200, found);
        return WriteJsonAsync(context, 200, ObjectTables.Build(request.Kind, [found], new JsonObject(), context.Request.Query["includeObject"], DateTimeOffset.UtcNow));
    }

    private Task ListAsync(HttpContext context, ResourceRequest request)
    {
        var query = context.Request.Query;
        if (query["watch"].ToString() is "true" or "1") return WatchAsync(context, request);
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], request.Kind);
        var (items, revision) = _store.Transact(() => (
            _store.EnumerateLocked(request.Kind, request.Namespace)
                .Where(o => labels.Matches(StoredObject.Labels(o)) && fields.Matches(o))
                .Select(o => (JsonObject)o.DeepClone())
                .ToList(),
            _store.ResourceVersion));

        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture) };
        var page = Paginate(items, query["limit"], query["continue"], revision, metadata);
        if (ObjectTables.Requested(context.Request.Headers.Accept))
        {
            return WriteJsonAsync(context, 200, ObjectTables.Build(request.Kind, page, metadata, query["includeObject"], DateTimeOffset.UtcNow));
        }

        foreach (var item in page)
        {
            item.Remove("apiVersion");
            item.Remove("kind");
        }

        return WriteJsonAsync(context, 200, new JsonObject
        {
            ["kind"] = request.Kind.ListKind,
            ["apiVersion"] = request.Kind.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. page]),
        });
    }

    /// <summary>One page of a list as <c>?limit=</c> and <c>?continue=</c> ask for it; writes the next token into the list metadata.</summary>
    private static List<JsonObject> Paginate(List<JsonObject> items, string? limitText, string? continueToken, long revision, JsonObject metadata)
    {
        if (!string.IsNullOrEmpty(continueToken))
        {
            var start = DecodeContinue(continueToken);
            items = [.. items.Where(o => StoredObject.Key(o).CompareTo(start) > 0)];
        }

        if (!long.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit <= 0 || items.Count <= limit) return items;
        var page = items.Take((int)Math.Min(limit, int.MaxValue)).ToList();
        var last = StoredObject.Key(page[^1]);
        var token = new JsonObject
        {
            ["v"] = "meta.k8s.io/v1",
            ["rv"] = revision,
            ["start"] = $"{last.Namespace}/{last.Name}",
        };
        metadata["continue"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(token.ToJsonString()));
        metadata["remainingItemCount"] = items.Count - page.Count;
        return page;
    }

    private static ObjectKey DecodeContinue(string token)
    {
        try
        {
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)));
            var start = StoredObject.Text(json, "start") ?? throw new FormatException("no start key");
            var slash = start.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? throw new FormatException("malformed start key") : new ObjectKey(start[..slash], start[(slash + 1)..]);
        }
        catch (Exception failure) when (failure is FormatException or JsonException)
        {
            throw ApiStatusException.BadRequest($"continue key is not valid: {failure.Message}");
        }
    }

    /// <summary>
    /// Streams changes as watch events (<c>{"type":"ADDED","object":{...}}</c>, one per line) until the client
    /// leaves, <c>?timeoutSeconds=</c> passes, or the server stops. With selectors, an object modified into the
    /// selection is ADDED and one modified out of it DELETED. A resource version too old for the history ends
    /// the watch with an ERROR event carrying a 410 Expired status, as a real server does.
    /// </summary>
    private async Task WatchAsync(HttpContext context, ResourceRequest request)
    {
        var query = context.Request.Query;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"], request.Kind);
        var since = query["resourceVersion"].ToString() is { Length: > 0 } text && text != "0"
            ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw ApiStatusException.BadRequest($"invalid resource version: {text}")
            : (long?)null;
        var duration = long.TryParse(query["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(Math.Min(seconds, LongestWatch.TotalSeconds))
            : LongestWatch;

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        WatchFeed feed;
        try
        {
            feed = _store.OpenWatch(request.Kind, request.Namespace, since);
        }
        catch (ApiStatusException expired) when (expired.Code == 410)
        {
            await WriteEventAsync(context, "ERROR", expired.ToStatus()).ConfigureAwait(false);
            return;
        }

        using (feed)
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
            bound.CancelAfter(duration);
            await context.Response.StartAsync(bound.Token).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(bound.Token).ConfigureAwait(false);
            try
            {
                foreach (var change in feed.Backlog) await SendAsync(change).ConfigureAwait(false);
                await foreach (var change in feed.Live.ReadAllAsync(bound.Token).ConfigureAwait(false)) await SendAsync(change).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (bound.IsCancellationRequested)
            {
                // The watch ends when its time is up, the client leaves or the server stops.
            }
        }

        Task SendAsync(ObjectChange change)
        {
            if (change.Resource != request.Kind) return Task.CompletedTask;
            if (request.Namespace is not null && change.Namespace != request.Namespace) return Task.CompletedTask;
            var matchesNow = Selected(change.Snapshot);
            var matchedBefore = change.Previous is not null && Selected(change.Previous);
            var type = (change.Type, matchesNow, matchedBefore) switch
            {
                (WatchEventType.Added, true, _) => "ADDED",
                (WatchEventType.Deleted, true, _) => "DELETED",
                (WatchEventType.Modified, true, true) => "MODIFIED",
                (WatchEventType.Modified, true, false) => "ADDED",
                (WatchEventType.Modified, false, true) => "DELETED",
                _ => null,
            };
            return type is null ? Task.CompletedTask : WriteEventAsync(context, type, change.Snapshot);
        }

        bool Selected(JsonObject obj) => labels.Matches(StoredObject.Labels(obj)) && fields.Matches(obj);
    }

    private static async Task WriteEventAsync(HttpContext context, string type, JsonObject obj)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString(ResponseJson) + "\n";
        await context.Response.WriteAsync(line, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
