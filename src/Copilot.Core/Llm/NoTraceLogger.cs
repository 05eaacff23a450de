using Microsoft.Extensions.Logging;

namespace Copilot.Llm;

/// <summary>A logger that never logs at Trace, the level at which Microsoft.Extensions.AI writes prompts and answers.</summary>
internal sealed class NoTraceLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel > LogLevel.Trace && inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel)) inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
