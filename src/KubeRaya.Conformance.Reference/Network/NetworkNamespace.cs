using System.Globalization;
using System.Net;
using System.Net.Sockets;
using KubeRaya.Conformance.Polling;

namespace KubeRaya.Conformance.Reference.Network;

/// <summary>
/// A Linux network namespace made with <c>ip netns add</c>. Processes start inside it with <c>ip netns exec</c>;
/// the harness's own sockets are created inside it by a short-lived thread that enters it with setns(2), since a
/// socket stays in the namespace it was created in.
/// </summary>
public sealed class NetworkNamespace
{
    private readonly Timeouts timeouts;

    internal NetworkNamespace(string name, Timeouts timeouts)
    {
        Name = name;
        this.timeouts = timeouts;
    }

    /// <summary>The name, e.g. kr-1a2b3c4d.</summary>
    public string Name { get; }

    /// <summary>The bind mount that keeps the namespace alive.</summary>
    public string Path => "/run/netns/" + Name;

    /// <summary>Creates the namespace and brings its loopback up.</summary>
    internal static async Task<NetworkNamespace> CreateAsync(string name, Timeouts timeouts, CancellationToken cancellationToken)
    {
        var ns = new NetworkNamespace(name, timeouts);
        (await HostCommand.IpAsync(timeouts.Command, cancellationToken, "netns", "add", name).ConfigureAwait(false)).EnsureSuccess();
        await ns.IpAsync(cancellationToken, "link", "set", "lo", "up").ConfigureAwait(false);
        return ns;
    }

    /// <summary>Runs <c>ip -n &lt;name&gt; …</c> and throws unless it succeeds.</summary>
    internal async Task IpAsync(CancellationToken cancellationToken, params string[] arguments) =>
        (await HostCommand.IpAsync(timeouts.Command, cancellationToken, ["-n", Name, .. arguments]).ConfigureAwait(false)).EnsureSuccess();

    /// <summary>Adds a /32 address to the namespace's loopback (a pod IP or a ClusterIP); no-op when present.</summary>
    internal async Task AddLoopbackAddressAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var result = await HostCommand.IpAsync(timeouts.Command, cancellationToken, "-n", Name, "addr", "add", address + "/32", "dev", "lo").ConfigureAwait(false);
        if (!result.Succeeded && !result.Error.Contains("File exists", StringComparison.Ordinal)) result.EnsureSuccess();
    }

    /// <summary>Removes a /32 address from the namespace's loopback; no-op when absent.</summary>
    internal async Task RemoveLoopbackAddressAsync(IPAddress address, CancellationToken cancellationToken) =>
        await HostCommand.IpAsync(timeouts.Command, cancellationToken, "-n", Name, "addr", "del", address + "/32", "dev", "lo").ConfigureAwait(false);

    /// <summary>Creates a TCP socket that lives inside this namespace.</summary>
    public Socket CreateSocket(AddressFamily family = AddressFamily.InterNetwork)
    {
        Socket? socket = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle(Path);
                NativeMethods.SetNamespace((int)handle.DangerousGetHandle());
                socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        {
            IsBackground = true,
            Name = "enter " + Name,
        };
        thread.Start();
        thread.Join();
        return socket ?? throw new IOException($"Could not create a socket inside network namespace {Name}.", failure);
    }

    /// <summary>Connects to <paramref name="endpoint"/> from inside this namespace.</summary>
    public async Task<Socket> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var socket = CreateSocket(endpoint.AddressFamily);
        try
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(timeouts.Connect.Value);
            await socket.ConnectAsync(endpoint, bound.Token).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// An HttpClient whose connections start inside this namespace; request URIs must name IP addresses.
    /// Redirects are not followed. Certificate validation is the caller's (through <paramref name="configure"/>).
    /// </summary>
    public HttpClient CreateHttpClient(Action<SocketsHttpHandler>? configure = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.Zero,
            ConnectCallback = async (context, token) =>
            {
                var address = IPAddress.Parse(context.DnsEndPoint.Host);
                var socket = await ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), token).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        configure?.Invoke(handler);
        return new HttpClient(handler) { Timeout = timeouts.Request.Value };
    }

    /// <summary>The ids of every process whose network namespace is this one.</summary>
    internal async Task<IReadOnlyList<int>> ProcessIdsAsync(CancellationToken cancellationToken) =>
        await ProcessIdsAsync(Name, timeouts.Command, cancellationToken).ConfigureAwait(false);

    /// <summary>The ids of every process in the named namespace (empty when it does not exist).</summary>
    internal static async Task<IReadOnlyList<int>> ProcessIdsAsync(string name, NamedTimeout timeout, CancellationToken cancellationToken)
    {
        var result = await HostCommand.IpAsync(timeout, cancellationToken, "netns", "pids", name).ConfigureAwait(false);
        if (!result.Succeeded) return [];
        return [.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
    }

    /// <summary>The names of all network namespaces on the host.</summary>
    internal static async Task<IReadOnlyList<string>> ListAsync(NamedTimeout timeout, CancellationToken cancellationToken)
    {
        var result = (await HostCommand.IpAsync(timeout, cancellationToken, "netns", "list").ConfigureAwait(false)).EnsureSuccess();
        return [.. result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ')[0])];
    }

    /// <summary>
    /// Kills every process left inside the named namespace and deletes it; deleting the namespace also deletes
    /// the namespace end of its veth pair, which takes the host end with it. Idempotent.
    /// </summary>
    internal static async Task DestroyAsync(string name, Timeouts timeouts, CancellationToken cancellationToken)
    {
        var gone = await BoundedPoll.UntilAsync(
            async token =>
            {
                var pids = await ProcessIdsAsync(name, timeouts.Command, token).ConfigureAwait(false);
                foreach (var pid in pids) NativeMethods.Signal(pid, NativeMethods.SigKill);
                return pids.Count;
            },
            count => count == 0,
            timeouts.Cleanup,
            cancellationToken,
            interval: TimeSpan.FromMilliseconds(20)).ConfigureAwait(false);
        if (!gone.Satisfied)
            throw new InvalidOperationException($"Processes were still running in network namespace {name} after the {timeouts.Cleanup}.");
        if (!(await ListAsync(timeouts.Command, cancellationToken).ConfigureAwait(false)).Contains(name)) return;
        var deleted = await HostCommand.IpAsync(timeouts.Command, cancellationToken, "netns", "del", name).ConfigureAwait(false);
        if (!deleted.Succeeded && (await ListAsync(timeouts.Command, cancellationToken).ConfigureAwait(false)).Contains(name)) deleted.EnsureSuccess();
    }
}
