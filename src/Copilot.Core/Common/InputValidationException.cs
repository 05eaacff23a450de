namespace Copilot.Common;

/// <summary>Input that cannot be accepted, with the reason for each field; the API turns it into an RFC 7807 400/422.</summary>
public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> errors, bool unprocessable = false)
    : Exception("Invalid input: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}")))
{
    public InputValidationException(string field, string reason, bool unprocessable = false)
        : this(new Dictionary<string, string[]> { [field] = [reason] }, unprocessable) { }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>True when the request was well-formed but its content cannot be processed (422 rather than 400).</summary>
    public bool Unprocessable { get; } = unprocessable;
}
