using System.Runtime.InteropServices;

namespace KubeRaya.Conformance.Cli;

/// <summary>Turns SIGINT and SIGTERM into cancellation, so that every exit path cleans up what it made.</summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = [];

    /// <summary>Listens for SIGINT and SIGTERM.</summary>
    public Interruption()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Signal = signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
                _source.Cancel();
            }));
        }
    }

    /// <summary>Cancelled when a signal arrives.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The signal that arrived, if any.</summary>
    public string Signal { get; private set; } = "";

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _registrations.Clear();
        _source.Dispose();
    }
}
