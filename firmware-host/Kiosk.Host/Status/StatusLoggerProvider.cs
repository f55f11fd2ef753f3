using Microsoft.Extensions.Logging;

namespace Kiosk.Host.Status;

/// <summary>
/// Puts the last error the kiosk logged (a refused pack, a failing display, ...) into its status, so a report
/// shows it without anyone reading the journal.
/// </summary>
public sealed class StatusLoggerProvider(KioskStatus status) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ErrorRecorder(status);

    public void Dispose()
    {
    }

    private sealed class ErrorRecorder(KioskStatus status) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            string message = formatter(state, exception);
            status.Error(exception is null ? message : $"{message}: {exception.Message}");
        }
    }
}
