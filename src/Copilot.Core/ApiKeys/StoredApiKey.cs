namespace Copilot.ApiKeys;

/// <summary>
/// An API key created through the admin API. Only its SHA-256 is kept, beside a short prefix its holder can recognise;
/// rows are never deleted, so a revoked key's name stays taken and the audit trail's actor names one key for good.
/// </summary>
public sealed class StoredApiKey
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string KeySha256 { get; set; }
    public required string Prefix { get; set; }
    public required string Role { get; set; }
    public string? AdvisorId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedBy { get; set; }
}
