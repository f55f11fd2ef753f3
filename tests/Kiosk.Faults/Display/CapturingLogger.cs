using Microsoft.Extensions.Logging;

namespace Kiosk.Faults.Display;

/// <summary>Keeps every log line with its level, for tests that check a failure was reported.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Lines { get; } = [];

    public int Errors => Lines.Count(l => l.Level >= LogLevel.Error);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Add((logLevel, formatter(state, exception)));
}
