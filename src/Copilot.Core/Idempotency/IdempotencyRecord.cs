namespace Copilot.Idempotency;

/// <summary>The first result of a POST made with an Idempotency-Key, returned again to retries with the same key.</summary>
public sealed class IdempotencyRecord
{
    public required string Scope { get; set; }
    public required string Key { get; set; }
    public required string RequestSha256 { get; set; }
    /// <summary>Null while the first request is still being processed.</summary>
    public string? ResponseJson { get; set; }
    public int StatusCode { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
