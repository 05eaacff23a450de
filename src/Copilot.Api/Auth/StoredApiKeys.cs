using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Copilot.Advisors;
using Copilot.ApiKeys;
using Copilot.Audit;
using Copilot.Common;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Copilot.Api.Auth;

/// <summary>
/// Keys created through the admin API. The key is drawn from a CSPRNG, handed out once and kept only as its SHA-256;
/// creation, expiry and revocation are audited in the same unit of work. Lookups go by the hash's unique index and are
/// cached briefly: a revocation on this host evicts at once, other replicas see it within Auth:StoredKeyCacheSeconds.
/// </summary>
public sealed partial class StoredApiKeys(
    IDbContextFactory<CopilotDbContext> contexts, AuditedWork work, AuditTrail audit, AdvisorDirectory advisors,
    IOptions<AuthOptions> auth, TimeProvider time) : IDisposable
{
    /// <summary>Starts every created key, so a leaked one is recognisable (and never mistaken for a JWT: no dots).</summary>
    public const string KeyPrefix = "acp_";
    public const string EntityType = "api_key";

    private static readonly string[] ReservedNames = ["local", "anonymous"];
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private volatile bool _anyStored;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex KeyName();

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The stored key with this hash if it still works (not expired, not revoked).</summary>
    public async Task<StoredApiKey?> FindActiveAsync(string hash, CancellationToken ct)
    {
        if (!_cache.TryGetValue(hash, out StoredApiKey? key))
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            key = await db.StoredApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeySha256 == hash, ct);
            // Unknown hashes are not cached: guessing must not fill memory.
            if (key is not null && auth.Value.StoredKeyCacheSeconds > 0)
                _cache.Set(hash, key, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(auth.Value.StoredKeyCacheSeconds) });
        }
        return key is not null && StatusOf(key) == "active" ? key : null;
    }

    /// <summary>Whether any key was ever stored. Once one was, the service never runs open again, even when all are revoked.</summary>
    public async Task<bool> AnyStoredAsync(CancellationToken ct)
    {
        if (_anyStored) return true;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return _anyStored = await db.StoredApiKeys.AnyAsync(ct);
    }

    /// <summary>Which of these names a stored key already has (revoked ones too), ignoring case.</summary>
    public async Task<IReadOnlyList<string>> TakenAsync(IEnumerable<string> names, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = (await db.StoredApiKeys.Select(k => k.Name).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return names.Where(stored.Contains).ToList();
    }

    public async Task<ApiKeyResponse> CreateAsync(CreateApiKeyRequest request, string actor, CancellationToken ct)
    {
        var (name, role, advisorId) = await ValidateAsync(request, ct);
        var key = KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var record = new StoredApiKey
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Name = name,
            KeySha256 = Hash(key),
            Prefix = key[..12],
            Role = role.ToString(),
            AdvisorId = advisorId,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            CreatedBy = actor,
            ExpiresAtUtc = request.ExpiresAt?.UtcDateTime,
        };
        await work.RunAsync(async db =>
        {
            var lower = name.ToLowerInvariant();
            // Checked again inside the unit of work: another replica may have taken the name since.
            if (await db.StoredApiKeys.AnyAsync(k => k.Name.ToLower() == lower, ct)) throw NameTaken();
            db.StoredApiKeys.Add(record);
            await audit.AppendAsync(db, EntityType, record.Id, "created", actor,
                new { record.Name, record.Role, record.AdvisorId, record.ExpiresAtUtc, Fingerprint = record.KeySha256[..8] }, ct);
            return record;
        }, ct);
        _anyStored = true;
        return View(record) with { Key = key };
    }

    public async Task<IReadOnlyList<ApiKeyResponse>> ListAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.StoredApiKeys.AsNoTracking().OrderBy(k => k.CreatedAtUtc).ToListAsync(ct);
        var configured = auth.Value.ApiKeys.Select(k => new ApiKeyResponse(null, k.Name, k.Role.ToString(), k.AdvisorId, "configuration",
            "active", k.KeySha256.ToLowerInvariant()[..8], null, null, null, null, null, null));
        return configured.Concat(stored.Select(View)).ToList();
    }

    public async Task<ApiKeyResponse> GetAsync(string id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return View(await db.StoredApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw NotFound(id));
    }

    /// <summary>Ends a key now; it is refused from the next request on (on this host; other replicas within the cache time).</summary>
    public Task<ApiKeyResponse> RevokeAsync(string id, string actor, CancellationToken ct) => ChangeAsync(id, actor, (key, now) =>
    {
        key.RevokedAtUtc = now;
        key.RevokedBy = actor;
        return ("revoked", new { key.Name });
    }, ct);

    /// <summary>Sets when a key stops working: now, or a later time.</summary>
    public Task<ApiKeyResponse> ExpireAsync(string id, DateTimeOffset? expiresAt, string actor, CancellationToken ct) => ChangeAsync(id, actor, (key, now) =>
    {
        var at = expiresAt?.UtcDateTime ?? now;
        if (at < now.AddSeconds(-5)) throw new InputValidationException("expiresAt", "Use now or a later time; leave it out to end the key now.");
        var previous = key.ExpiresAtUtc;
        key.ExpiresAtUtc = at < now ? now : at;
        return (at <= now ? "expired" : "expiry_set", new { key.Name, ExpiresAtUtc = key.ExpiresAtUtc, PreviousExpiresAtUtc = previous });
    }, ct);

    private async Task<ApiKeyResponse> ChangeAsync(string id, string actor, Func<StoredApiKey, DateTime, (string Action, object Details)> change, CancellationToken ct)
    {
        var key = await work.RunAsync(async db =>
        {
            var key = await db.StoredApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw NotFound(id);
            var status = StatusOf(key);
            if (status != "active") throw new ConflictException($"The key '{key.Name}' is {status} already; an ended key stays ended.");
            var (action, details) = change(key, time.GetUtcNow().UtcDateTime);
            await audit.AppendAsync(db, EntityType, key.Id, action, actor, details, ct);
            return key;
        }, ct);
        _cache.Remove(key.KeySha256);
        return View(key);
    }

    private async Task<(string Name, CallerRole Role, string? AdvisorId)> ValidateAsync(CreateApiKeyRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (!KeyName().IsMatch(name))
            errors["name"] = ["Use 1–64 letters, digits, '.', '_', '@' or '-': the holder's name on the audit trail."];
        else if (ReservedNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            errors["name"] = [$"'{name}' is reserved."];
        else if (auth.Value.ApiKeys.Any(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw NameTaken();
        CallerRole role = default;
        if (!EnumText.TryParse(request.Role, out role)) errors["role"] = ["Use Advisor, Crm, Compliance, Content or Admin."];
        var advisorId = string.IsNullOrWhiteSpace(request.AdvisorId) ? null : request.AdvisorId.Trim();
        if (errors.ContainsKey("role")) { }
        else if (role == CallerRole.Advisor && advisorId is null) errors["advisorId"] = ["An advisor's key needs the advisor it acts for."];
        else if (role != CallerRole.Advisor && advisorId is not null) errors["advisorId"] = ["Only an advisor's key acts for an advisor."];
        else if (advisorId is not null && (advisorId.Length > 64 || await advisors.FindAsync(advisorId, ct) is null))
            errors["advisorId"] = ["No such advisor: create it first (PUT /v1/advisors/{id})."];
        if (request.ExpiresAt is { } expires && expires <= time.GetUtcNow())
            errors["expiresAt"] = ["A new key's expiry must be in the future."];
        if (errors.Count > 0) throw new InputValidationException(errors);
        return (name, role, advisorId);
    }

    private string StatusOf(StoredApiKey key) =>
        key.RevokedAtUtc is not null ? "revoked"
        : key.ExpiresAtUtc is { } expires && DateTime.SpecifyKind(expires, DateTimeKind.Utc) <= time.GetUtcNow().UtcDateTime ? "expired"
        : "active";

    private ApiKeyResponse View(StoredApiKey key) => new(key.Id, key.Name, key.Role, key.AdvisorId, "store", StatusOf(key), key.KeySha256[..8],
        key.Prefix, Utc(key.CreatedAtUtc), key.CreatedBy, Utc(key.ExpiresAtUtc), Utc(key.RevokedAtUtc), key.RevokedBy);

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    private static InputValidationException NameTaken() =>
        new("name", "Another key has this name (configured or stored, revoked ones too): names tell callers apart on the audit trail.", unprocessable: true);

    private static NotFoundException NotFound(string id) => new($"No stored key '{id}'.");

    public void Dispose() => _cache.Dispose();
}
