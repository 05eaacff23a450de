namespace Copilot.Llm;

/// <summary>
/// The model could not answer: the HTTP status the caller gets (502 bad answer, 503 unavailable or rate-limited,
/// 504 timed out), a reason safe to show, and when to try again if the model or the circuit said so.
/// </summary>
public sealed class ModelCallException(int status, string reason, TimeSpan? retryAfter, Exception? inner)
    : Exception(reason, inner)
{
    public int Status { get; } = status;
    public string Reason { get; } = reason;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
