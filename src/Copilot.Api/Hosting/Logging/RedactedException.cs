namespace Copilot.Api.Hosting.Logging;

/// <summary>
/// Stands in for an exception on its way to a sink: its message and its whole text (type, message, inner exceptions,
/// stack) with personal data masked, since exception messages echo what callers sent.
/// </summary>
public sealed class RedactedException(Exception original, Func<string, string> scrub) : Exception(scrub(original.Message))
{
    private readonly string _text = scrub(original.ToString());

    /// <summary>The type of the exception that was logged.</summary>
    public Type OriginalType { get; } = original.GetType();

    public override string? StackTrace => null;

    public override string ToString() => _text;
}
