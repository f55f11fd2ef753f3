using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiosk.Host.Input;

/// <summary>Runs every configured input source until shutdown; one failing device does not stop the others.</summary>
public sealed class InputService(IEnumerable<IInputSource> sources, ILogger<InputService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sources.Select(s => Run(s, stoppingToken)));

    private async Task Run(IInputSource source, CancellationToken token)
    {
        logger.LogInformation("input {Input} started", source.Name);
        try
        {
            await source.RunAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "input {Input} stopped", source.Name);
        }
    }
}
