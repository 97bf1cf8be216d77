using System.Net;
using System.Net.Sockets;

namespace KubeRaya.Conformance.Tests.Probes.Servers;

/// <summary>A loopback port the OS just handed out and nothing listens on (for servers that cannot bind port 0, and for "refused").</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
