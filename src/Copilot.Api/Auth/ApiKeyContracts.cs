namespace Copilot.Api.Auth;

/// <summary>A key to create: who holds it, its role, for an advisor the advisor it acts for, and optionally when it ends.</summary>
public sealed record CreateApiKeyRequest(string? Name, string? Role, string? AdvisorId, DateTimeOffset? ExpiresAt);

/// <summary>When a key stops working; without a time, now.</summary>
public sealed record ExpireApiKeyRequest(DateTimeOffset? ExpiresAt);

/// <summary>
/// One key as the admin API shows it: never the key or its hash, only a fingerprint (the hash's first 8 hex digits:
/// <c>printf %s "$KEY" | sha256sum | cut -c1-8</c>) and, for a stored key, its first characters. <see cref="Key"/> is
/// there once, in the answer to its creation.
/// </summary>
public sealed record ApiKeyResponse(
    string? Id, string Name, string Role, string? AdvisorId, string Source, string Status, string Fingerprint, string? Prefix,
    DateTime? CreatedAtUtc, string? CreatedBy, DateTime? ExpiresAtUtc, DateTime? RevokedAtUtc, string? RevokedBy, string? Key = null);

/// <summary>Every key: the configured ones (source "configuration", managed in configuration) and the stored ones.</summary>
public sealed record ApiKeyListResponse(IReadOnlyList<ApiKeyResponse> Keys);
