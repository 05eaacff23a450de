using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Copilot.Common;
using Copilot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Copilot.Idempotency;

/// <summary>
/// Remembers POSTs made with an Idempotency-Key: the same key and body get the first result back, the same key
/// with another body is refused, and a key whose first request is still running is a conflict.
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<CopilotDbContext> contexts, TimeProvider time)
{
    public const string Header = "Idempotency-Key";

    public static string Fingerprint<T>(T request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, CopilotJson.Options))));

    /// <summary>
    /// How long a reservation without a response may stand. Longer than any request runs (model calls time out well
    /// before), so an older one belongs to a process that died mid-request, and a retry may take the key over.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(15);

    /// <summary>Reserves the key for this request; returns the first response when the same request was already answered.</summary>
    public async Task<string?> BeginAsync(string scope, string? key, string fingerprint, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 128 || key.Any(c => c < 0x21 || c > 0x7e))
            throw new InputValidationException(Header, "Send an Idempotency-Key header of 1–128 visible ASCII characters, new for each new request.");
        await ReleaseAbandonedAsync(scope, key, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = scope, Key = key, RequestSha256 = fingerprint, CreatedAtUtc = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            // The key is taken: by this very request earlier (replay), by another body, or by a request still running.
            await using var fresh = await contexts.CreateDbContextAsync(ct);
            var first = await fresh.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct)
                ?? throw new ConflictException("The Idempotency-Key is being released; retry.");
            if (first.RequestSha256 != fingerprint)
                throw new InputValidationException(Header, "This Idempotency-Key was used with a different request body.", unprocessable: true);
            return first.ResponseJson ?? throw new ConflictException("A request with this Idempotency-Key is still being processed; retry shortly.");
        }
    }

    /// <summary>Stores the response in the caller's unit of work, so it commits with the result it describes.</summary>
    public static async Task CompleteAsync(CopilotDbContext db, string scope, string key, string responseJson, int statusCode, CancellationToken ct)
    {
        var record = await db.IdempotencyRecords.FindAsync([scope, key], ct)
            ?? throw new InvalidOperationException($"Idempotency key {scope}/{key} was not reserved.");
        record.ResponseJson = responseJson;
        record.StatusCode = statusCode;
    }

    private async Task ReleaseAbandonedAsync(string scope, string key, CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - AbandonedAfter;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && r.ResponseJson == null && r.CreatedAtUtc < cutoff).ExecuteDeleteAsync(ct);
    }

    /// <summary>Frees the key after a failure, so a retry runs the request again.</summary>
    public async Task AbandonAsync(string scope, string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && r.ResponseJson == null).ExecuteDeleteAsync(ct);
    }
}
